import { EntityManager } from 'typeorm';
import { currentEventBatch, EventBatch } from './event-batch';

/**
 * Collects what the events of one Kafka batch want written and writes it in one go just before
 * the batch commits: one multi-row statement per batch instead of several round trips per event.
 * Outside a batch, `add` writes at once. A handler that must see what is still collected (a later
 * event about the same subject) calls `flush` first, so the order of events is kept.
 */
export class BatchCollector<T> {
  private readonly pending = new WeakMap<EventBatch, { items: T[]; manager: EntityManager }>();

  constructor(private readonly write: (items: T[], manager: EntityManager) => Promise<void>) {}

  async add(item: T, manager: EntityManager): Promise<void> {
    const batch = currentEventBatch();
    if (!batch) return this.write([item], manager);
    const collected = this.pending.get(batch);
    if (collected) {
      collected.items.push(item);
      return;
    }
    this.pending.set(batch, { items: [item], manager });
    batch.beforeCommit(() => this.flushBatch(batch));
  }

  /** Writes what the current batch has collected so far. */
  flush(): Promise<void> {
    const batch = currentEventBatch();
    return batch ? this.flushBatch(batch) : Promise.resolve();
  }

  private async flushBatch(batch: EventBatch): Promise<void> {
    const collected = this.pending.get(batch);
    if (!collected || collected.items.length === 0) return;
    await this.write(collected.items.splice(0), collected.manager);
  }
}
