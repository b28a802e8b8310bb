import { DeadlineKind } from '@akimat/contracts';
import { ScheduledClock } from './clock-job';

/** A deadline_clocks row as raw queries return it. */
export interface ClockRow {
  id: string;
  appeal_id: string;
  kind: DeadlineKind;
  reminder: string;
  due_at: Date;
  fire_at: Date;
}

export const CLOCK_COLUMNS = 'id, appeal_id, kind, reminder, due_at, fire_at';

export const toScheduledClock = (row: ClockRow): ScheduledClock => ({
  id: row.id,
  appealId: row.appeal_id,
  kind: row.kind,
  reminder: row.reminder,
  dueAt: new Date(row.due_at),
  fireAt: new Date(row.fire_at),
});
