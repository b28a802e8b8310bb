import { Inject, Injectable, Logger } from '@nestjs/common';
import { KafkaContext } from '@nestjs/microservices';
import { DataSource, EntityManager } from 'typeorm';
import { KnownEnvelope, parseEnvelope } from '@akimat/contracts';
import { SERVICE_CONFIG, ServiceConfig } from '../config/service-config';
import { eventsConsumed } from '../metrics/messaging.metrics';
import { isDatabaseUnavailable } from './database-unavailable';
import { DeadLetterPublisher } from './dead-letter.publisher';
import { currentEventBatch, EventBatch, LeaveBatch, runInEventBatch } from './event-batch';
import { EventHandlers, EventsHandler, PermanentEventError } from './event-handlers';
import { recordHandled } from './record-handled';

const MAX_BACKOFF_MS = 5_000;

type Handler = (event: KnownEnvelope, manager: EntityManager) => Promise<void>;

/**
 * Applies each event's effect exactly once: the event id is recorded in the same transaction as
 * the effect, and an id seen before is skipped. A message that is malformed, or whose handler
 * keeps failing while the database is healthy, goes to the dead-letter topic so the partition
 * moves on. If the database itself is down, the error propagates and Kafka redelivers later.
 */
@Injectable()
export class EventConsumer {
  private readonly logger = new Logger(EventConsumer.name);
  /** Per Kafka batch, the events gathered for each set-based handler (see consumeTogether). */
  private readonly gathered = new WeakMap<EventBatch, Map<EventsHandler, KnownEnvelope[]>>();
  /** Per Kafka batch, the events `consume` applied whose ids are still to be recorded. */
  private readonly unrecorded = new WeakMap<EventBatch, KnownEnvelope[]>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly deadLetters: DeadLetterPublisher,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  async consume(value: unknown, context: KafkaContext, handlers: EventHandlers): Promise<void> {
    const batch = currentEventBatch();
    if (batch) return this.consumeInBatch(batch, value, handlers);
    return this.consumeAlone(value, context, (event) => handlers[event.type] as Handler | undefined);
  }

  /**
   * For a handler that applies many events with one statement each. Inside a Kafka batch the events
   * are gathered and, just before the batch's transaction commits, their ids are recorded with one
   * statement and the handler gets the ones not seen before, in delivery order, once. Outside a batch
   * (or when the batch is redone one by one) it gets one event at a time, like `consume`. Given
   * `types`, events of other types are passed over as `consume` passes over types it has no handler for.
   */
  async consumeTogether(
    value: unknown,
    context: KafkaContext,
    handler: EventsHandler,
    types?: ReadonlySet<KnownEnvelope['type']>,
  ): Promise<void> {
    const handles = (event: KnownEnvelope) => !types || types.has(event.type);
    const batch = currentEventBatch();
    if (!batch) {
      return this.consumeAlone(value, context, (event) =>
        handles(event) ? (one, manager) => handler([one], manager) : undefined,
      );
    }
    const parsed = parseEnvelope(value);
    if (!parsed.ok) throw new LeaveBatch(`malformed message: ${parsed.error.reason}`);
    if (!handles(parsed.event)) return;
    let perHandler = this.gathered.get(batch);
    if (!perHandler) {
      const gathered = new Map<EventsHandler, KnownEnvelope[]>();
      this.gathered.set(batch, (perHandler = gathered));
      batch.beforeCommit(() => this.applyGathered(batch, gathered));
    }
    const events = perHandler.get(handler) ?? [];
    events.push(parsed.event);
    perHandler.set(handler, events);
  }

  private async consumeAlone(
    value: unknown,
    context: KafkaContext,
    handlerOf: (event: KnownEnvelope) => Handler | undefined,
  ) {
    const parsed = parseEnvelope(value);
    if (!parsed.ok) {
      await this.deadLetters.publish(context, { ...parsed.error, attempts: 1 });
      return;
    }
    const event = parsed.event;
    const handler = handlerOf(event);
    if (!handler) return;

    for (let attempt = 1; ; attempt++) {
      try {
        this.logHandled(event, await this.applyOnce(event, handler));
        return;
      } catch (error) {
        const permanent = error instanceof PermanentEventError;
        if (!permanent && attempt < this.config.EVENT_MAX_ATTEMPTS) {
          await this.backOff(attempt, context);
          continue;
        }
        // The database away (now, or a moment ago): Kafka redelivers later instead of a dead letter.
        if (!permanent && (isDatabaseUnavailable(error) || !(await this.databaseAnswers()))) throw error;
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
   * message, a failing handler, an event handled before) leaves the batch, which is then redone one
   * event at a time.
   */
  private async consumeInBatch(batch: EventBatch, value: unknown, handlers: EventHandlers): Promise<void> {
    const parsed = parseEnvelope(value);
    if (!parsed.ok) throw new LeaveBatch(`malformed message: ${parsed.error.reason}`);
    const event = parsed.event;
    const handler = handlers[event.type] as Handler | undefined;
    if (!handler) return;
    const manager = await batch.manager(this.dataSource);
    this.recordBeforeCommit(batch, event);
    await handler(event, manager);
    this.logHandled(event, true, batch);
  }

  /**
   * The batch's event ids are recorded with one statement just before it commits, instead of one
   * per event first: an event delivered again is rare (a crash, a rebalance), so the batch applies
   * them all, and if any id was recorded before (or comes twice) it rolls back and is redone one
   * event at a time, where that event is skipped.
   */
  private recordBeforeCommit(batch: EventBatch, event: KnownEnvelope): void {
    const pending = this.unrecorded.get(batch);
    if (pending) {
      pending.push(event);
      return;
    }
    const events = [event];
    this.unrecorded.set(batch, events);
    batch.beforeCommit(async () => {
      const manager = await batch.manager(this.dataSource);
      const fresh = await recordHandled((sql, params) => manager.query(sql, params), events);
      if (fresh.length < events.length) {
        throw new LeaveBatch(`${events.length - fresh.length} event(s) of the batch were handled before`);
      }
    });
  }

  /** One statement records the batch's ids; only the first delivery of an id not seen before is applied. */
  private async applyGathered(batch: EventBatch, perHandler: Map<EventsHandler, KnownEnvelope[]>): Promise<void> {
    const manager = await batch.manager(this.dataSource);
    for (const [handler, events] of perHandler) {
      const todo = await recordHandled((sql, params) => manager.query(sql, params), events);
      if (todo.length > 0) await handler(todo, manager);
      const applied = new Set(todo);
      for (const event of events) this.logHandled(event, applied.has(event), batch);
    }
  }

  /** Logs the outcome now; counts it once committed (a batch that rolls back is redone one by one, counted then). */
  private logHandled(event: KnownEnvelope, applied: boolean, batch?: EventBatch): void {
    this.logger.log({
      msg: applied ? 'event handled' : 'duplicate event skipped',
      eventId: event.id,
      type: event.type,
      correlationId: event.correlationId,
      subject: event.subject,
    });
    const count = () =>
      eventsConsumed.inc({
        service: this.config.serviceName,
        type: event.type,
        outcome: applied ? 'applied' : 'duplicate',
      });
    if (batch) batch.afterCommit(count);
    else count();
  }

  private async applyWith(manager: EntityManager, event: KnownEnvelope, handler: Handler): Promise<boolean> {
    const inserted: unknown[] = await manager.query(
      'INSERT INTO processed_events (event_id, type) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING event_id',
      [event.id, event.type],
    );
    if (inserted.length === 0) return false;
    await handler(event, manager);
    return true;
  }

  /** One event in its own transaction: a batch of one, so after- and before-commit work behave as in a batch. */
  private async applyOnce(event: KnownEnvelope, handler: Handler): Promise<boolean> {
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
