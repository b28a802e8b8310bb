import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, Payload } from '@nestjs/microservices';
import { EntityManager } from 'typeorm';
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
      'appeal.brief_answered': this.afterRouting((event, manager) =>
        this.clocks.stop(manager, event.subject, ['brief_answer']),
      ),
      // A full answer is also the answer the brief-answer clock waits for.
      'appeal.full_answered': this.afterRouting((event, manager) => this.clocks.stop(manager, event.subject)),
      'appeal.forwarded': this.afterRouting((event, manager) => this.clocks.stop(manager, event.subject)),
      'appeal.closed': this.afterRouting((event, manager) => this.clocks.stop(manager, event.subject)),
      'appeal.extended': this.afterRouting((event, manager) => this.clocks.extend(manager, event.data)),
      'appeal.reopened': this.afterRouting((event, manager) => this.clocks.reopen(manager, event.data)),
    });
  }

  /** Registrations earlier in the same Kafka batch are routed (their clocks exist) before `handle` runs. */
  private afterRouting<E>(handle: (event: E, manager: EntityManager) => Promise<void>) {
    return async (event: E, manager: EntityManager): Promise<void> => {
      await this.assignments.routeCollected();
      await handle(event, manager);
    };
  }
}
