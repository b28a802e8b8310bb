import { createHash } from 'node:crypto';
import { JobsOptions } from 'bullmq';
import { DeadlineKind } from '@akimat/contracts';

export const DEADLINE_QUEUE = 'deadline-clocks';
export const FIRE_JOB = 'fire';

/** What identifies a clock; also all a job needs, since the firing re-reads the row. */
export interface ClockKey {
  appealId: string;
  kind: DeadlineKind;
  reminder: string;
  dueAt: Date;
}

export interface ScheduledClock extends ClockKey {
  /** The clock row's id (bigint, as text). */
  id: string;
  fireAt: Date;
}

/**
 * A clock row has exactly one job, named after the row, so scheduling it again (a redelivered
 * event, the reconciler, a second instance) is a no-op while the job exists. BullMQ forbids
 * integer and `:` ids, hence the letter.
 */
export const clockJobId = (clock: Pick<ScheduledClock, 'id'>) => `c${clock.id}`;

/** The clock row a job fires. */
export const clockIdOfJob = (jobId: string) => jobId.slice(1);

/**
 * The job carries nothing but its id and delay (the firing re-reads the row): every field of its
 * Redis hash stays under Redis's 64-byte listpack limit, which halves its memory. Removal of
 * finished jobs is the worker's setting (FINISHED_JOBS), not stored per job; a failed firing is
 * not retried by BullMQ — its row is still pending, so the reconciler adds it again.
 */
export function fireJob(clock: ScheduledClock, now = Date.now()) {
  const opts: JobsOptions = { jobId: clockJobId(clock), delay: Math.max(0, clock.fireAt.getTime() - now) };
  return { name: FIRE_JOB, data: {}, opts };
}

/** Finished jobs leave Redis at once: the clock row keeps the outcome, and the id can be added again. */
export const FINISHED_JOBS = { count: 0 };

const URL_NAMESPACE = Buffer.from('6ba7b8119dad11d180b400c04fd430c8', 'hex');

/** RFC 4122 version-5 uuid of `name`: the id of the event a job emits, the same on every attempt. */
export function uuidV5(name: string): string {
  const bytes = createHash('sha1').update(URL_NAMESPACE).update(name).digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The id of the event a clock's firing publishes: from what the clock is (appeal, kind, reminder,
 * due time), so however often or wherever it fires, consumers see one event.
 */
export const clockEventId = (clock: ClockKey) =>
  uuidV5(`akimat-routing:${clock.appealId}:${clock.kind}:${clock.reminder}:${clock.dueAt.getTime()}`);
