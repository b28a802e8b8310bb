import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, Payload } from '@nestjs/microservices';
import { EVENT_CATALOG, EventType, physicalTopic, TOPICS } from '@akimat/contracts';
import { EventConsumer, EventHandlers } from '@akimat/service-kit';
import { FactWriter } from './fact-writer';

/** Every event type of both topics updates the facts; the handler only delegates. */
@Controller()
export class EventsConsumer {
  private readonly handlers: EventHandlers;

  constructor(
    private readonly consumer: EventConsumer,
    facts: FactWriter,
  ) {
    const apply = (event: never, manager: never) => facts.apply(event, manager);
    this.handlers = Object.fromEntries(
      (Object.keys(EVENT_CATALOG) as EventType[]).map((type) => [type, apply]),
    ) as EventHandlers;
  }

  @EventPattern(physicalTopic(TOPICS.appealEvents))
  onAppealEvent(@Payload() value: unknown, @Ctx() context: KafkaContext): Promise<void> {
    return this.consumer.consume(value, context, this.handlers);
  }

  @EventPattern(physicalTopic(TOPICS.routingEvents))
  onRoutingEvent(@Payload() value: unknown, @Ctx() context: KafkaContext): Promise<void> {
    return this.consumer.consume(value, context, this.handlers);
  }
}
