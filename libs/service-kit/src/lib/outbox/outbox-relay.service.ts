import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Kafka, KafkaJSError, Partitioners, Producer } from 'kafkajs';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { physicalTopic, TopicName } from '@akimat/contracts';
import { ProducerServiceConfig, SERVICE_CONFIG } from '../config/service-config';
import { CORRELATION_ID_HEADER } from '../logging/correlation-id';
import { KAFKA } from '../kafka/kafka.token';
import { eventsProduced } from '../metrics/messaging.metrics';
import { OutboxEventEntity } from './outbox-event.entity';

type PendingEvent = Pick<OutboxEventEntity, 'id' | 'topic' | 'key' | 'type' | 'payload' | 'correlationId'>;

/** How often, at most, sent rows past their retention are deleted, and how many per statement. */
const PRUNE_INTERVAL_MS = 60_000;
const PRUNE_BATCH = 10_000;

/** Any constant works; it only has to be the same in every instance of one service. */
export const RELAY_LOCK_KEY = 7_310_442;

/**
 * Publishes outbox rows to Kafka in write order, then marks them sent. One instance relays at a
 * time, which keeps per-appeal order across instances: the one whose own connection holds a
 * session advisory lock, kept between passes. A pass is then two statements — read what is
 * pending, mark it sent once Kafka has it — instead of a transaction of five. A crash between send
 * and mark re-sends the batch: consumers drop the duplicates by event id. A failing connection is
 * closed, which frees the lock for any instance.
 * It relays as soon as a transaction of this process that wrote outbox rows commits (see
 * OutboxCommits), and polls every OUTBOX_POLL_INTERVAL_MS for the rest (another instance's rows
 * when that instance is busy or gone).
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly producer: Producer;
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;
  /** A commit woke the relay while a pass was running: go again at once. */
  private wokenWhileRunning = false;
  private pruneTimer?: NodeJS.Timeout;
  private pruning?: Promise<void>;
  /** The relay's own connection (outside the pool): it holds the relay lock while this instance relays. */
  private connection?: Client;
  private leading = false;

  constructor(
    @Inject(KAFKA) kafka: Kafka,
    private readonly dataSource: DataSource,
    @Inject(SERVICE_CONFIG) private readonly config: ProducerServiceConfig,
  ) {
    this.producer = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.producer.connect();
    this.wake();
    this.schedulePrune();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    clearTimeout(this.pruneTimer);
    await Promise.all([this.running, this.pruning]);
    await this.disconnect();
    await this.producer.disconnect();
  }

  /** Publishes what is pending now; returns how many events were sent (0 when another instance relays). */
  async relayOnce(): Promise<number> {
    try {
      const leader = await this.leadership();
      if (!leader) return 0;
      const { rows } = await leader.query<PendingEvent>(
        `SELECT id, topic, key, type, payload, correlation_id AS "correlationId" FROM outbox_events
          WHERE sent_at IS NULL ORDER BY position LIMIT $1`,
        [this.config.OUTBOX_BATCH_SIZE],
      );
      if (rows.length === 0) return 0;
      await this.publish(rows);
      await leader.query('UPDATE outbox_events SET sent_at = now() WHERE id = ANY($1::uuid[])', [
        rows.map((row) => row.id),
      ]);
      return rows.length;
    } catch (error) {
      // A database error may mean a broken connection: it is closed (the lock goes with it) and the
      // next pass starts afresh. Kafka's errors leave connection and lock in place.
      if (!(error instanceof KafkaJSError)) await this.disconnect();
      throw error;
    }
  }

  /** The relay's connection if this instance holds the relay lock, taking it if it is free. */
  private async leadership(): Promise<Client | undefined> {
    const connection = (this.connection ??= await this.connect());
    if (!this.leading) {
      const { rows } = await connection.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [
        RELAY_LOCK_KEY,
      ]);
      this.leading = rows[0].locked;
    }
    return this.leading ? connection : undefined;
  }

  private async connect(): Promise<Client> {
    const connection = new Client({
      connectionString: this.config.DATABASE_URL,
      application_name: `${this.config.serviceName}-outbox-relay`,
    });
    // A connection that breaks while idle reports here; the next pass connects again.
    connection.on('error', () => {
      if (this.connection === connection) void this.disconnect();
    });
    try {
      await connection.connect();
      // A plain index scan, not a bitmap scan: passing the index entries of rows already sent, it
      // marks them dead, so the next pass skips them instead of rechecking every row sent since the
      // last autovacuum (which made the pending read the costliest query of the service under load).
      await connection.query('SET enable_bitmapscan = off');
      return connection;
    } catch (error) {
      await connection.end().catch(() => undefined);
      throw error;
    }
  }

  /** Closing the connection gives the lock up. */
  private async disconnect(): Promise<void> {
    const connection = this.connection;
    this.connection = undefined;
    this.leading = false;
    await connection?.end().catch(() => undefined);
  }

  private async publish(rows: PendingEvent[]): Promise<void> {
    const byTopic = new Map<string, PendingEvent[]>();
    for (const row of rows) {
      const topic = physicalTopic(row.topic as TopicName, this.config.KAFKA_TOPIC_PREFIX);
      const topicRows = byTopic.get(topic) ?? [];
      topicRows.push(row);
      byTopic.set(topic, topicRows);
    }
    await this.producer.sendBatch({
      acks: -1,
      topicMessages: [...byTopic].map(([topic, topicRows]) => ({
        topic,
        messages: topicRows.map((row) => ({
          key: row.key,
          value: JSON.stringify(row.payload),
          headers: { [CORRELATION_ID_HEADER]: row.correlationId, 'event-type': row.type, 'event-id': row.id },
        })),
      })),
    });
    for (const row of rows) eventsProduced.inc({ service: this.config.serviceName, type: row.type });
  }

  /**
   * Deletes sent rows older than OUTBOX_RETENTION_HOURS, oldest first, so the table (and the work
   * of vacuuming it) stays the size of the retention window instead of growing forever. Walks the
   * position index from its start, where the oldest rows are; an unsent row is never deleted.
   * Returns how many rows went.
   */
  async pruneSent(): Promise<number> {
    let deleted = 0;
    for (;;) {
      const [, count]: [unknown, number] = await this.dataSource.query(
        `DELETE FROM outbox_events WHERE position IN (SELECT position FROM outbox_events ORDER BY position LIMIT $1)
           AND sent_at < now() - make_interval(hours => $2)`,
        [PRUNE_BATCH, this.config.OUTBOX_RETENTION_HOURS],
      );
      deleted += count;
      if (count < PRUNE_BATCH || this.stopped) return deleted;
    }
  }

  /** Prunes on its own timer, so a long first prune never holds up publishing. */
  private schedulePrune(): void {
    if (this.stopped) return;
    this.pruneTimer = setTimeout(() => {
      this.pruning = this.pruneSent()
        .then((count) => {
          if (count > 0) this.logger.log({ msg: 'deleted sent outbox rows past retention', count });
        })
        .catch((error: Error) => this.logger.warn({ msg: 'outbox prune failed; will retry', error: error.message }))
        .finally(() => {
          this.pruning = undefined;
          this.schedulePrune();
        });
    }, PRUNE_INTERVAL_MS);
  }

  /** Relays at once (new outbox rows were committed), or right after the pass that is running. */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.wokenWhileRunning = true;
      return;
    }
    clearTimeout(this.timer);
    this.schedule(0);
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => (this.running = this.tick()), delayMs);
  }

  private async tick(): Promise<void> {
    let sent = 0;
    try {
      sent = await this.relayOnce();
      if (sent > 0) this.logger.debug({ msg: 'relayed outbox events', count: sent });
    } catch (error) {
      this.logger.warn({ msg: 'outbox relay failed; will retry', error: (error as Error).message });
    }
    // In one synchronous step, so a wake() cannot fall between the end of this pass and the next
    // timer. A full batch means more is waiting: go again at once.
    const again = sent >= this.config.OUTBOX_BATCH_SIZE || this.wokenWhileRunning;
    this.running = undefined;
    this.wokenWhileRunning = false;
    this.schedule(again ? 0 : this.config.OUTBOX_POLL_INTERVAL_MS);
  }
}
