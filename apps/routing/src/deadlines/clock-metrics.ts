import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { Counter, Gauge, Histogram } from 'prom-client';
import { DataSource } from 'typeorm';
import { ANSWER_KINDS } from './clock-plan';

export type FiringResult = 'approaching' | 'missed' | 'skipped';

type PendingCounts = () => Promise<{ kind: string; n: number }[]>;
let pendingCounts: PendingCounts | undefined;

// Module-level: prom-client's default registry (the one /metrics serves) takes each name once per
// process, and tests run two routing instances in one process.
export const clockMetrics = {
  fired: new Counter({
    name: 'routing_clocks_fired_total',
    help: 'Clock jobs run, per kind and outcome: approaching (reminder published), missed (due time published), skipped (answered, moved or fired before)',
    labelNames: ['kind', 'outcome'],
  }),
  lateness: new Histogram({
    name: 'routing_clock_firing_lateness_seconds',
    help: 'How long after its fire time a clock was published, per kind',
    labelNames: ['kind'],
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 15, 60, 300, 3600],
  }),
  pending: new Gauge({
    name: 'routing_clocks_pending',
    help: 'Clocks waiting to fire (PostgreSQL, every instance together), per kind',
    labelNames: ['kind'],
    async collect() {
      if (!pendingCounts) return;
      // A scrape while the database is away keeps the last figures rather than failing /metrics.
      const rows = await pendingCounts().catch(() => undefined);
      if (!rows) return;
      for (const kind of ANSWER_KINDS) this.set({ kind }, 0);
      for (const row of rows) this.set({ kind: row.kind }, row.n);
    },
  }),
};

/** Lets the pending-clocks gauge count rows in this instance's database when scraped. */
@Injectable()
export class PendingClocksGauge implements OnModuleInit, OnModuleDestroy {
  private readonly count: PendingCounts = () =>
    this.dataSource.query(`SELECT kind, count(*)::int AS n FROM deadline_clocks WHERE state = 'pending' GROUP BY kind`);

  constructor(private readonly dataSource: DataSource) {}

  onModuleInit(): void {
    pendingCounts = this.count;
  }

  onModuleDestroy(): void {
    if (pendingCounts === this.count) pendingCounts = undefined;
  }
}
