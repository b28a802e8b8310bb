import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, Payload } from '@nestjs/microservices';
import { physicalTopic, TOPICS } from '@akimat/contracts';
import { EventConsumer } from '@akimat/service-kit';
import { AppealAssignmentService } from './appeal-assignment.service';

@Controller()
export class RoutingEventsConsumer {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly assignments: AppealAssignmentService,
  ) {}

  @EventPattern(physicalTopic(TOPICS.routingEvents))
  onRoutingEvent(@Payload() value: unknown, @Ctx() context: KafkaContext): Promise<void> {
    return this.consumer.consume(value, context, {
      'appeal.routed': (event, manager) => this.assignments.recordRouting(event, manager),
      'appeal.reassigned': (event, manager) => this.assignments.recordReassignment(event, manager),
    });
  }
}
