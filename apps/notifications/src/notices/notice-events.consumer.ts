import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, Payload } from '@nestjs/microservices';
import { physicalTopic, TOPICS } from '@akimat/contracts';
import { NoticeEvents } from './notice-events.service';

@Controller()
export class NoticeEventsConsumer {
  constructor(private readonly notices: NoticeEvents) {}

  @EventPattern(physicalTopic(TOPICS.appealEvents))
  onAppealEvent(@Payload() value: unknown, @Ctx() context: KafkaContext): Promise<void> {
    return this.notices.consume(value, context);
  }

  @EventPattern(physicalTopic(TOPICS.routingEvents))
  onRoutingEvent(@Payload() value: unknown, @Ctx() context: KafkaContext): Promise<void> {
    return this.notices.consume(value, context);
  }
}
