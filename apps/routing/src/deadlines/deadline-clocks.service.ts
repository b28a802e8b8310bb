import { Inject, Injectable } from '@nestjs/common';
import { EventConsumer } from '@akimat/service-kit';
import { EntityManager } from 'typeorm';
import { Deadline } from '@akimat/contracts';
import { AnswerKind, deadlinesOf, DUE, PlannedClock } from './clock-plan';
import { CLOCK_COLUMNS, ClockRow, toScheduledClock } from './clock-row';
import { ClockScheduler } from './clock-scheduler.service';
import { ScheduledClock } from './clock-job';

/** Clocks planned for one appeal. */
export interface AppealClocks {
  readonly appealId: string;
  readonly clocks: readonly PlannedClock[];
}

/**
 * The clock rows (the source of truth) and their jobs. Writes go through the caller's transaction;
 * jobs are added best effort once a consumed event's transaction has committed (at once on other
 * paths) — a job that fires before its row is committed finds nothing to fire, and one Redis did
 * not take is added by the reconciler before it is due.
 */
@Injectable()
export class DeadlineClocks {
  constructor(
    @Inject(ClockScheduler) private readonly scheduler: ClockScheduler,
    private readonly consumer: EventConsumer,
  ) {}

  /** Records and schedules clocks; one recorded before (same appeal, kind, reminder, due time) stays as it is. */
  start(manager: EntityManager, appealId: string, clocks: readonly PlannedClock[]): Promise<void> {
    return this.startAll(manager, [{ appealId, clocks }]);
  }

  /** `start` for many appeals in one statement. */
  async startAll(manager: EntityManager, appeals: readonly AppealClocks[]): Promise<void> {
    const scheduled = await this.record(manager, appeals);
    if (scheduled.length > 0) this.consumer.afterCommit(() => void this.scheduler.trySchedule(scheduled));
  }

  private async record(manager: EntityManager, appeals: readonly AppealClocks[]): Promise<ScheduledClock[]> {
    const clocks = appeals.flatMap(({ appealId, clocks }) => clocks.map((clock) => ({ appealId, ...clock })));
    if (clocks.length === 0) return [];
    const rows: ClockRow[] = await manager.query(
      `INSERT INTO deadline_clocks (appeal_id, kind, reminder, due_at, fire_at)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::timestamptz[], $5::timestamptz[])
       ON CONFLICT ON CONSTRAINT uq_deadline_clocks_clock
         DO UPDATE SET state = 'pending', stopped_at = NULL, fire_at = EXCLUDED.fire_at
         WHERE deadline_clocks.state = 'cancelled'
       RETURNING ${CLOCK_COLUMNS}`,
      [
        clocks.map((clock) => clock.appealId),
        clocks.map((clock) => clock.kind),
        clocks.map((clock) => clock.reminder),
        clocks.map((clock) => clock.dueAt),
        clocks.map((clock) => clock.fireAt),
      ],
    );
    return rows.map(toScheduledClock);
  }

  /**
   * Stops the clocks of these kinds (their answer came, or they move): pending ones are cancelled
   * and their jobs removed; a due time that already fired is marked stopped, so it no longer counts
   * as owed.
   */
  async cancel(manager: EntityManager, appealId: string, kinds: readonly AnswerKind[]): Promise<void> {
    if (kinds.length === 0) return;
    const [rows]: [(ClockRow & { state: string })[], number] = await manager.query(
      `UPDATE deadline_clocks
          SET state = CASE WHEN state = 'pending' THEN 'cancelled' ELSE state END, stopped_at = now()
        WHERE appeal_id = $1 AND kind = ANY($2::text[]) AND stopped_at IS NULL
        RETURNING ${CLOCK_COLUMNS}, state`,
      [appealId, kinds],
    );
    await this.scheduler.unschedule(rows.filter((row) => row.state === 'cancelled').map(toScheduledClock));
  }

  /** The kinds still owed: their due time is pending, or fired without the answer coming since. */
  async openKinds(manager: EntityManager, appealId: string): Promise<AnswerKind[]> {
    return (await this.openDeadlines(manager, appealId)).map((deadline) => deadline.kind as AnswerKind);
  }

  /** Every due time still owed (pending or missed), as `appeal.routed` and `appeal.reassigned` carry them. */
  async openDeadlines(manager: EntityManager, appealId: string): Promise<Deadline[]> {
    const rows: ClockRow[] = await manager.query(
      `SELECT ${CLOCK_COLUMNS} FROM deadline_clocks WHERE appeal_id = $1 AND reminder = $2 AND stopped_at IS NULL`,
      [appealId, DUE],
    );
    return deadlinesOf(rows.map(toScheduledClock));
  }
}
