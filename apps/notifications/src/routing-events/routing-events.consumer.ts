import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, Payload } from '@nestjs/microservices';
import { physicalTopic, TOPICS } from '@akimat/contracts';
import { EventConsumer } from '@akimat/service-kit';
import { RoutedNoticeService } from './routed-notice.service';

@Controller()
export class RoutingEventsConsumer {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly routedNotices: RoutedNoticeService,
  ) {}

  @EventPattern(physicalTopic(TOPICS.routingEvents))
  onRoutingEvent(@Payload() value: unknown, @Ctx() context: KafkaContext): Promise<void> {
    return this.consumer.consume(value, context, {
      'appeal.routed': (event, manager) => this.routedNotices.recordRoutedNotice(event, manager),
      'appeal.reassigned': (event, manager) => this.routedNotices.recordReassignedNotice(event, manager),
    });
  }
}
