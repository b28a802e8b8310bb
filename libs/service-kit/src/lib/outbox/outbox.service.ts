import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Envelope, EventType, topicOf } from '@akimat/contracts';
import { OutboxEventEntity } from './outbox-event.entity';
import { OutboxCommits } from './outbox-commits.subscriber';

/** Records events to publish; callers pass the EntityManager of their state-change transaction. */
@Injectable()
export class OutboxService {
  constructor(private readonly commits: OutboxCommits) {}

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
    this.commits.wakeRelayAfterCommit(manager);
  }
}
