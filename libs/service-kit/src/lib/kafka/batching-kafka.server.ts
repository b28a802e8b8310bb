import { ServerKafka } from '@nestjs/microservices';
import type { Consumer, EachBatchPayload, KafkaMessage } from 'kafkajs';
import { EventBatch, runInEventBatch } from '../inbox/event-batch';

export interface BatchingOptions {
  /** Most messages of a partition applied in one database transaction. */
  batchSize: number;
  /** Handled offsets are committed at most this often (and at once where noted below). */
  commitIntervalMs: number;
}

const CLOSING_COMMIT_WAIT_MS = 2_000;

/** What a batch payload offers for committing; bound to the consumer group, so it outlives the batch. */
type OffsetCommitter = Pick<EachBatchPayload, 'uncommittedOffsets' | 'commitOffsetsIfNecessary'>;

/**
 * Nest's Kafka server, consuming with kafkajs `eachBatch` instead of `eachMessage`: up to
 * `batchSize` messages of a partition are applied in one database transaction (see EventBatch),
 * and their offsets are resolved only after it commits. Order within a partition is kept.
 *
 * Offsets are committed at most every `commitIntervalMs`, not after every batch as kafkajs'
 * auto-commit does: at a few events per second each batch holds one event, and its OffsetCommit
 * was two thirds of the broker's CPU per event. A crash or a rebalance may therefore deliver up to
 * one interval of handled events again, which every consumer skips (the inbox records event ids);
 * a dead letter commits past its message at once (DeadLetterPublisher). A timer commits what an idle
 * partition handled last, and closing commits the rest.
 */
export class BatchingKafkaServer extends ServerKafka {
  constructor(
    options: ConstructorParameters<typeof ServerKafka>[0],
    private readonly batching: BatchingOptions,
  ) {
    super(options);
  }

  private readonly routes = new Map<string, string>();
  private committer?: OffsetCommitter;
  private commitTimer?: NodeJS.Timeout;
  private commitInFlight?: Promise<void>;
  private commitsFailing = false;
  private closing = false;

  /**
   * Nest derives the route from the topic per message with a JSON.parse that throws for every plain
   * topic name (a quarter of a consumer's CPU at thousands of events per second). It is a pure
   * function of the subscribed topics, so it is remembered.
   */
  override getRouteFromPattern(pattern: string): string {
    let route = this.routes.get(pattern);
    if (route === undefined) {
      route = super.getRouteFromPattern(pattern);
      this.routes.set(pattern, route);
    }
    return route;
  }

  override async bindEvents(consumer: Consumer): Promise<void> {
    const topics = [...this.messageHandlers.keys()];
    if (topics.length > 0) await consumer.subscribe({ ...(this.options.subscribe ?? {}), topics });
    await consumer.run({
      ...(this.options.run ?? {}),
      autoCommit: false,
      autoCommitInterval: this.batching.commitIntervalMs,
      eachBatchAutoResolve: false,
      eachBatch: (payload) => this.handleBatch(payload),
    });
    // An idle partition's last offsets; skipped while a commit is still out (e.g. the broker is away).
    this.commitTimer = setInterval(() => {
      if (!this.commitInFlight) void this.commitHandled();
    }, this.batching.commitIntervalMs).unref();
  }

  /** Commits what was handled, then leaves the group (a batch still running commits as it ends). */
  override async close(): Promise<void> {
    this.closing = true;
    clearInterval(this.commitTimer);
    // Bounded: a broker that cannot be reached must not hold the exit (its events come again).
    let giveUp: NodeJS.Timeout | undefined;
    await Promise.race([
      this.commitHandled(),
      new Promise((resolve) => (giveUp = setTimeout(resolve, CLOSING_COMMIT_WAIT_MS))),
    ]);
    clearTimeout(giveUp);
    await super.close();
  }

  private async handleBatch(payload: EachBatchPayload): Promise<void> {
    this.committer = payload;
    const { batch, resolveOffset, heartbeat, commitOffsetsIfNecessary, isRunning, isStale } = payload;
    try {
      for (let start = 0; start < batch.messages.length; start += this.batching.batchSize) {
        if (!isRunning() || isStale()) return;
        const chunk = batch.messages.slice(start, start + this.batching.batchSize);
        if (!(await this.applyTogether(payload, chunk))) {
          for (const message of chunk) {
            await this.apply(payload, message);
            resolveOffset(message.offset);
            await heartbeat();
          }
        }
        resolveOffset(chunk[chunk.length - 1].offset);
        if (this.closing) await this.commitHandled();
        else await commitOffsetsIfNecessary();
        await heartbeat();
      }
    } catch (error) {
      // A rebalance (seen by heartbeat) or a failure: what was handled is committed first, as kafkajs'
      // auto-commit would, so the partition's next owner starts after it.
      await this.commitHandled();
      throw error;
    }
  }

  /** Commits every handled offset not yet committed; one commit at a time. */
  private async commitHandled(): Promise<void> {
    while (this.commitInFlight) await this.commitInFlight;
    const committer = this.committer;
    if (!committer) return;
    const commit = this.commitOnce(committer);
    this.commitInFlight = commit;
    try {
      await commit;
    } finally {
      if (this.commitInFlight === commit) this.commitInFlight = undefined;
    }
  }

  /** Never rejects: a failed commit is left to the next one. */
  private async commitOnce(committer: OffsetCommitter): Promise<void> {
    try {
      const offsets = committer.uncommittedOffsets();
      if (offsets.topics.length > 0) await committer.commitOffsetsIfNecessary(offsets);
      if (this.commitsFailing) this.logger.log?.('offset commits work again');
      this.commitsFailing = false;
    } catch (error) {
      // Once per outage, not once a second.
      if (!this.commitsFailing) this.logger.warn?.(`offset commit failed, retried: ${(error as Error).message}`);
      this.commitsFailing = true;
    }
  }

  /** True when the whole chunk was applied and committed in one transaction. */
  private async applyTogether(payload: EachBatchPayload, chunk: KafkaMessage[]): Promise<boolean> {
    if (chunk.length === 1) return false;
    const eventBatch = new EventBatch();
    try {
      await runInEventBatch(eventBatch, async () => {
        for (const message of chunk) await this.apply(payload, message);
        // Inside the batch's context: work run before the commit may itself add after-commit work.
        await eventBatch.commit();
      });
      return true;
    } catch (error) {
      await eventBatch.rollback().catch(() => undefined);
      this.logger.warn?.(`batch of ${chunk.length} fell back to one by one: ${(error as Error).message}`);
      return false;
    }
  }

  private apply({ batch, heartbeat, pause }: EachBatchPayload, message: KafkaMessage): Promise<unknown> {
    return this.handleMessage({ topic: batch.topic, partition: batch.partition, message, heartbeat, pause });
  }
}
