import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CounterIncrement, countersFor, CountedEvent } from './counter-increments';

const byCounterId = (a: CounterIncrement, b: CounterIncrement) =>
  a.metric.localeCompare(b.metric) || a.dimension.localeCompare(b.dimension) || a.key.localeCompare(b.key);

/** Applies an event's increments inside the transaction that records the event as handled. */
@Injectable()
export class CountersService {
  async count(event: CountedEvent, manager: EntityManager): Promise<void> {
    // Rows are locked in one fixed order, so events handled on parallel partitions queue on the
    // shared rows (the totals) instead of deadlocking.
    for (const { metric, dimension, key, by } of countersFor(event).sort(byCounterId)) {
      await manager.query(
        `INSERT INTO counters (metric, dimension, key, value) VALUES ($1, $2, $3, $4)
         ON CONFLICT (metric, dimension, key) DO UPDATE SET value = counters.value + EXCLUDED.value`,
        [metric, dimension, key, by],
      );
    }
  }
}
