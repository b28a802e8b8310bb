import { AsyncLocalStorage } from 'node:async_hooks';
import { DataSource, EntityManager, QueryRunner } from 'typeorm';

/**
 * The Kafka batch being applied, shared by every event of it through AsyncLocalStorage: one
 * database transaction for the whole batch instead of one (and one disk flush) per event. The
 * server commits it after the last event; any failure rolls it back, and the server then applies
 * the events one by one the ordinary way (retries, dead letters), so a batch never loses or
 * double-applies an event. An event applied on its own runs in a batch of one.
 */
export class EventBatch {
  private runner?: QueryRunner;
  private readonly committed: (() => void)[] = [];
  private readonly beforeCommitWork: (() => Promise<void>)[] = [];

  /**
   * Runs `work` inside the transaction just before it commits, e.g. writes gathered from every
   * event of the batch (`BatchCollector`, `EventConsumer.consumeTogether`). If it fails the batch
   * rolls back.
   */
  beforeCommit(work: () => Promise<void>): void {
    this.beforeCommitWork.push(work);
  }

  /** Runs `callback` once the batch's transaction has committed; never if it rolls back. */
  afterCommit(callback: () => void): void {
    this.committed.push(callback);
  }

  /** The batch's transaction, opened by the first event that needs it. */
  async manager(dataSource: DataSource): Promise<EntityManager> {
    if (!this.runner) {
      const runner = dataSource.createQueryRunner();
      await runner.connect();
      try {
        await runner.startTransaction();
      } catch (error) {
        await runner.release();
        throw error;
      }
      this.runner = runner;
    }
    return this.runner.manager;
  }

  async commit(): Promise<void> {
    // Work may add more work (a collector writing into another): run until none is left.
    for (let work = this.beforeCommitWork.shift(); work; work = this.beforeCommitWork.shift()) await work();
    if (!this.runner) {
      for (const callback of this.committed.splice(0)) callback();
      return;
    }
    try {
      await this.runner.commitTransaction();
    } finally {
      await this.release();
    }
    for (const callback of this.committed.splice(0)) callback();
  }

  async rollback(): Promise<void> {
    this.committed.length = 0;
    this.beforeCommitWork.length = 0;
    if (!this.runner) return;
    try {
      if (this.runner.isTransactionActive) await this.runner.rollbackTransaction();
    } finally {
      await this.release();
    }
  }

  private async release(): Promise<void> {
    const runner = this.runner;
    this.runner = undefined;
    await runner?.release();
  }
}

/** An event the batch cannot take (e.g. malformed): the server falls back to one by one. */
export class LeaveBatch extends Error {
  override readonly name = 'LeaveBatch';
}

const storage = new AsyncLocalStorage<EventBatch>();

export function currentEventBatch(): EventBatch | undefined {
  return storage.getStore();
}

export function runInEventBatch<T>(batch: EventBatch, work: () => Promise<T>): Promise<T> {
  return storage.run(batch, work);
}
