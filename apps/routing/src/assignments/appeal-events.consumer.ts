import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, Payload } from '@nestjs/microservices';
import { physicalTopic, TOPICS } from '@akimat/contracts';
import { EventConsumer } from '@akimat/service-kit';
import { AnswerClocks } from '../deadlines/answer-clocks.service';
import { AssignmentService } from './assignment.service';

@Controller()
export class AppealEventsConsumer {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly assignments: AssignmentService,
    private readonly clocks: AnswerClocks,
  ) {}

  @EventPattern(physicalTopic(TOPICS.appealEvents))
  onAppealEvent(@Payload() value: unknown, @Ctx() context: KafkaContext): Promise<void> {
    return this.consumer.consume(value, context, {
      'appeal.registered': (event, manager) => this.assignments.route(event, manager),
      'appeal.brief_answered': (event, manager) => this.clocks.stop(manager, event.subject, ['brief_answer']),
      // A full answer is also the answer the brief-answer clock waits for.
      'appeal.full_answered': (event, manager) => this.clocks.stop(manager, event.subject),
      'appeal.forwarded': (event, manager) => this.clocks.stop(manager, event.subject),
      'appeal.closed': (event, manager) => this.clocks.stop(manager, event.subject),
      'appeal.extended': (event, manager) => this.clocks.extend(manager, event.data),
      'appeal.reopened': (event, manager) => this.clocks.reopen(manager, event.data),
    });
  }
}
