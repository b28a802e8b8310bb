import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, Payload } from '@nestjs/microservices';
import { physicalTopic, TOPICS } from '@akimat/contracts';
import { EventConsumer, EventsHandler } from '@akimat/service-kit';
import { FactWriter } from './fact-writer';

/**
 * Every event type of both topics updates the facts; the handler only delegates. A Kafka batch's
 * new events are applied together: each fact statement runs once per batch, not once per event.
 */
@Controller()
export class EventsConsumer {
  private readonly applyAll: EventsHandler;

  constructor(
    private readonly consumer: EventConsumer,
    facts: FactWriter,
  ) {
    this.applyAll = (events, manager) => facts.apply(events, manager);
  }

  @EventPattern(physicalTopic(TOPICS.appealEvents))
  onAppealEvent(@Payload() value: unknown, @Ctx() context: KafkaContext): Promise<void> {
    return this.consumer.consumeTogether(value, context, this.applyAll);
  }

  @EventPattern(physicalTopic(TOPICS.routingEvents))
  onRoutingEvent(@Payload() value: unknown, @Ctx() context: KafkaContext): Promise<void> {
    return this.consumer.consumeTogether(value, context, this.applyAll);
  }
}
