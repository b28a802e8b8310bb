import { Inject, Injectable, Logger } from '@nestjs/common';
import { KafkaContext } from '@nestjs/microservices';
import { DataSource, EntityManager } from 'typeorm';
import { KnownEnvelope, parseEnvelope } from '@akimat/contracts';
import { SERVICE_CONFIG, ServiceConfig } from '../config/service-config';
import { eventsConsumed } from '../metrics/messaging.metrics';
import { DeadLetterPublisher } from './dead-letter.publisher';
import { currentEventBatch, EventBatch, LeaveBatch, runInEventBatch } from './event-batch';
import { EventHandlers, PermanentEventError } from './event-handlers';

const MAX_BACKOFF_MS = 5_000;

/**
 * Applies each event's effect exactly once: the event id is recorded in the same transaction as
 * the effect, and an id seen before is skipped. A message that is malformed, or whose handler
 * keeps failing while the database is healthy, goes to the dead-letter topic so the partition
 * moves on. If the database itself is down, the error propagates and Kafka redelivers later.
 */
@Injectable()
export class EventConsumer {
  private readonly logger = new Logger(EventConsumer.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly deadLetters: DeadLetterPublisher,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  async consume(value: unknown, context: KafkaContext, handlers: EventHandlers): Promise<void> {
    const batch = currentEventBatch();
    if (batch) return this.consumeInBatch(batch, value, handlers);
    const parsed = parseEnvelope(value);
    if (!parsed.ok) {
      await this.deadLetters.publish(context, { ...parsed.error, attempts: 1 });
      return;
    }
    const event = parsed.event;
    const handler = handlers[event.type] as
      | ((event: KnownEnvelope, manager: EntityManager) => Promise<void>)
      | undefined;
    if (!handler) return;

    for (let attempt = 1; ; attempt++) {
      try {
        const applied = await this.applyOnce(event, handler);
        this.countConsumed(event, applied);
        this.logger.log({
          msg: applied ? 'event handled' : 'duplicate event skipped',
          eventId: event.id,
          type: event.type,
          correlationId: event.correlationId,
          subject: event.subject,
        });
        return;
      } catch (error) {
        const permanent = error instanceof PermanentEventError;
        if (!permanent && attempt < this.config.EVENT_MAX_ATTEMPTS) {
          await this.backOff(attempt, context);
          continue;
        }
        if (!permanent && !(await this.databaseAnswers())) throw error;
        await this.deadLetters.publish(context, {
          failure: permanent ? 'rejected' : 'handler-failed',
          reason: `${event.type} ${event.id}: ${(error as Error).message}`,
          attempts: attempt,
        });
        return;
      }
    }
  }

  /**
   * Runs `callback` once what the current event (or Kafka batch) wrote is committed; at once when
   * called outside `consume`. For work that must not see uncommitted rows, e.g. adding queue jobs
   * that look the rows up.
   */
  afterCommit(callback: () => void): void {
    const batch = currentEventBatch();
    if (batch) batch.afterCommit(callback);
    else callback();
  }

  /**
   * Inside a Kafka batch: the effect joins the batch's transaction. Anything unusual (a malformed
   * message, a failing handler) leaves the batch, which is then redone one event at a time.
   */
  private async consumeInBatch(batch: EventBatch, value: unknown, handlers: EventHandlers): Promise<void> {
    const parsed = parseEnvelope(value);
    if (!parsed.ok) throw new LeaveBatch(`malformed message: ${parsed.error.reason}`);
    const event = parsed.event;
    const handler = handlers[event.type] as
      | ((event: KnownEnvelope, manager: EntityManager) => Promise<void>)
      | undefined;
    if (!handler) return;
    const manager = await batch.manager(this.dataSource);
    const applied = await this.applyWith(manager, event, handler);
    // Counted once the batch commits: a batch that rolls back is redone one by one and counted then.
    batch.afterCommit(() => this.countConsumed(event, applied));
    this.logger.log({
      msg: applied ? 'event handled' : 'duplicate event skipped',
      eventId: event.id,
      type: event.type,
      correlationId: event.correlationId,
      subject: event.subject,
    });
  }

  private countConsumed(event: KnownEnvelope, applied: boolean): void {
    eventsConsumed.inc({
      service: this.config.serviceName,
      type: event.type,
      outcome: applied ? 'applied' : 'duplicate',
    });
  }

  private async applyWith(
    manager: EntityManager,
    event: KnownEnvelope,
    handler: (event: KnownEnvelope, manager: EntityManager) => Promise<void>,
  ): Promise<boolean> {
    const inserted: unknown[] = await manager.query(
      'INSERT INTO processed_events (event_id, type) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING event_id',
      [event.id, event.type],
    );
    if (inserted.length === 0) return false;
    await handler(event, manager);
    return true;
  }

  /** One event in its own transaction: a batch of one, so after- and before-commit work behave as in a batch. */
  private async applyOnce(
    event: KnownEnvelope,
    handler: (event: KnownEnvelope, manager: EntityManager) => Promise<void>,
  ): Promise<boolean> {
    const single = new EventBatch();
    try {
      return await runInEventBatch(single, async () => {
        const applied = await this.applyWith(await single.manager(this.dataSource), event, handler);
        await single.commit();
        return applied;
      });
    } catch (error) {
      await single.rollback().catch(() => undefined);
      throw error;
    }
  }

  private async backOff(attempt: number, context: KafkaContext): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, Math.min(100 * 2 ** attempt, MAX_BACKOFF_MS)));
    await context.getHeartbeat()();
  }

  private async databaseAnswers(): Promise<boolean> {
    try {
      await this.dataSource.query('SELECT 1');
      return true;
    } catch {
      return false;
    }
  }
}
