import { ServerKafka } from '@nestjs/microservices';
import type { Consumer, EachBatchPayload, KafkaMessage } from 'kafkajs';
import { EventBatch, runInEventBatch } from '../inbox/event-batch';

/**
 * Nest's Kafka server, consuming with kafkajs `eachBatch` instead of `eachMessage`: up to
 * `batchSize` messages of a partition are applied in one database transaction (see EventBatch),
 * and their offsets are committed only after it commits. Order within a partition is kept.
 */
export class BatchingKafkaServer extends ServerKafka {
  constructor(
    options: ConstructorParameters<typeof ServerKafka>[0],
    private readonly batchSize: number,
  ) {
    super(options);
  }

  private readonly routes = new Map<string, string>();

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
      eachBatchAutoResolve: false,
      eachBatch: (payload) => this.handleBatch(payload),
    });
  }

  private async handleBatch(payload: EachBatchPayload): Promise<void> {
    const { batch, resolveOffset, heartbeat, commitOffsetsIfNecessary, isRunning, isStale } = payload;
    for (let start = 0; start < batch.messages.length; start += this.batchSize) {
      if (!isRunning() || isStale()) return;
      const chunk = batch.messages.slice(start, start + this.batchSize);
      if (!(await this.applyTogether(payload, chunk))) {
        for (const message of chunk) {
          await this.apply(payload, message);
          resolveOffset(message.offset);
          await heartbeat();
        }
      }
      resolveOffset(chunk[chunk.length - 1].offset);
      await commitOffsetsIfNecessary();
      await heartbeat();
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
