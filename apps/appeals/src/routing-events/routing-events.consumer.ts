import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, Payload } from '@nestjs/microservices';
import { physicalTopic, TOPICS } from '@akimat/contracts';
import { EventConsumer, EventsHandler } from '@akimat/service-kit';
import { AppealAssignmentService, ASSIGNMENT_EVENT_TYPES } from './appeal-assignment.service';

/** Routing's decisions (routed, reassigned) onto the cards; a Kafka batch's are applied together. */
@Controller()
export class RoutingEventsConsumer {
  private readonly applyAll: EventsHandler;

  constructor(
    private readonly consumer: EventConsumer,
    assignments: AppealAssignmentService,
  ) {
    this.applyAll = (events, manager) => assignments.recordAll(events, manager);
  }

  @EventPattern(physicalTopic(TOPICS.routingEvents))
  onRoutingEvent(@Payload() value: unknown, @Ctx() context: KafkaContext): Promise<void> {
    return this.consumer.consumeTogether(value, context, this.applyAll, ASSIGNMENT_EVENT_TYPES);
  }
}
