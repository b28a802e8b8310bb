import { Module } from '@nestjs/common';
import { DeadLetterPublisher } from './dead-letter.publisher';
import { EventConsumer } from './event-consumer.service';

/** For services that consume events: register ProcessedEventEntity in the app's TypeORM entities. */
@Module({
  providers: [EventConsumer, DeadLetterPublisher],
  exports: [EventConsumer],
})
export class EventConsumerModule {}
