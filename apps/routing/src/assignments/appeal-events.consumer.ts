import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, Payload } from '@nestjs/microservices';
import { physicalTopic, TOPICS } from '@akimat/contracts';
import { EventConsumer } from '@akimat/service-kit';
import { AssignmentService } from './assignment.service';

@Controller()
export class AppealEventsConsumer {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly assignments: AssignmentService,
  ) {}

  @EventPattern(physicalTopic(TOPICS.appealEvents))
  onAppealEvent(@Payload() value: unknown, @Ctx() context: KafkaContext): Promise<void> {
    return this.consumer.consume(value, context, {
      'appeal.registered': (event, manager) => this.assignments.route(event, manager),
    });
  }
}
