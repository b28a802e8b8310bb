import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Kafka, Partitioners, Producer } from 'kafkajs';
import { DataSource, EntityManager } from 'typeorm';
import { physicalTopic, TopicName } from '@akimat/contracts';
import { ProducerServiceConfig, SERVICE_CONFIG } from '../config/service-config';
import { CORRELATION_ID_HEADER } from '../logging/correlation-id';
import { KAFKA } from '../kafka/kafka.token';
import { eventsProduced } from '../metrics/messaging.metrics';
import { OutboxEventEntity } from './outbox-event.entity';

/** Any constant works; it only has to be the same in every instance of one service. */
const RELAY_LOCK_KEY = 7_310_442;

/**
 * Publishes outbox rows to Kafka in write order, then marks them sent. One instance relays at a
 * time (a transaction-scoped advisory lock), which keeps per-appeal order across instances.
 * A crash between send and commit re-sends the batch: consumers drop the duplicates by event id.
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
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
    await this.producer.disconnect();
  }

  /** Publishes what is pending now; returns how many events were sent. */
  async relayOnce(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const [{ locked }] = await manager.query('SELECT pg_try_advisory_xact_lock($1) AS locked', [RELAY_LOCK_KEY]);
      if (!locked) return 0;
      const rows = await manager
        .createQueryBuilder(OutboxEventEntity, 'o')
        .where('o.sent_at IS NULL')
        .orderBy('o.position', 'ASC')
        .limit(this.config.OUTBOX_BATCH_SIZE)
        .getMany();
      if (rows.length === 0) return 0;
      await this.publish(rows);
      await this.markSent(manager, rows);
      return rows.length;
    });
  }

  private async publish(rows: OutboxEventEntity[]): Promise<void> {
    const byTopic = new Map<string, OutboxEventEntity[]>();
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

  private async markSent(manager: EntityManager, rows: OutboxEventEntity[]): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(OutboxEventEntity)
      .set({ sentAt: () => 'now()' })
      .whereInIds(rows.map((row) => row.id))
      .execute();
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
