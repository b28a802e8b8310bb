import { Injectable } from '@nestjs/common';
import {
  DataSource,
  EntityManager,
  EntitySubscriberInterface,
  QueryRunner,
  TransactionCommitEvent,
  TransactionRollbackEvent,
} from 'typeorm';
import { OutboxRelay } from './outbox-relay.service';

/**
 * Wakes the relay when a transaction that wrote outbox rows commits, so an event leaves within
 * milliseconds instead of at the next poll. In-process (a TypeORM transaction subscriber) rather
 * than LISTEN/NOTIFY, whose commits PostgreSQL serialises under a global lock.
 */
@Injectable()
export class OutboxCommits implements EntitySubscriberInterface {
  private readonly writers = new WeakSet<QueryRunner>();

  constructor(
    dataSource: DataSource,
    private readonly relay: OutboxRelay,
  ) {
    dataSource.subscribers.push(this);
  }

  /** Called by OutboxService.add with the writing transaction's manager. */
  wakeRelayAfterCommit(manager: EntityManager): void {
    const runner = manager.queryRunner;
    if (runner?.isTransactionActive) this.writers.add(runner);
    else this.relay.wake();
  }

  afterTransactionCommit({ queryRunner }: TransactionCommitEvent): void {
    // A released savepoint also "commits"; only the outermost commit makes the rows visible.
    if (!queryRunner.isTransactionActive && this.writers.delete(queryRunner)) this.relay.wake();
  }

  afterTransactionRollback({ queryRunner }: TransactionRollbackEvent): void {
    if (!queryRunner.isTransactionActive) this.writers.delete(queryRunner);
  }
}
