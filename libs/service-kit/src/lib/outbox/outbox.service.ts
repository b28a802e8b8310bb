import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Envelope, EventType, topicOf } from '@akimat/contracts';
import { OutboxCommits } from './outbox-commits.subscriber';

/** Records events to publish; callers pass the EntityManager of their state-change transaction. */
@Injectable()
export class OutboxService {
  constructor(private readonly commits: OutboxCommits) {}

  async add(manager: EntityManager, ...events: Envelope<EventType>[]): Promise<void> {
    if (events.length === 0) return;
    // One statement however many events; raw SQL because the ORM's statement building cost more
    // CPU than the insert on the registration hot path.
    await manager.query(
      `INSERT INTO outbox_events (id, topic, key, type, payload, correlation_id)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::jsonb[], $6::text[])`,
      [
        events.map((event) => event.id),
        events.map((event) => topicOf(event.type)),
        events.map((event) => event.subject),
        events.map((event) => event.type),
        events.map((event) => JSON.stringify(event)),
        events.map((event) => event.correlationId),
      ],
    );
    this.commits.wakeRelayAfterCommit(manager);
  }
}
