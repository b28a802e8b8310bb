import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Envelope, EventType, topicOf } from '@akimat/contracts';
import { OutboxEventEntity } from './outbox-event.entity';
import { OUTBOX_CHANNEL } from './outbox-channel';

/** Records events to publish; callers pass the EntityManager of their state-change transaction. */
@Injectable()
export class OutboxService {
  async add(manager: EntityManager, ...events: Envelope<EventType>[]): Promise<void> {
    if (events.length === 0) return;
    await manager.insert(
      OutboxEventEntity,
      events.map((event) => ({
        id: event.id,
        topic: topicOf(event.type),
        key: event.subject,
        type: event.type,
        payload: event,
        correlationId: event.correlationId,
      })),
    );
    // Delivered when the transaction commits (once per transaction, however many adds): the relay
    // publishes at once instead of at its next poll.
    await manager.query('SELECT pg_notify($1, NULL)', [OUTBOX_CHANNEL]);
  }
}
