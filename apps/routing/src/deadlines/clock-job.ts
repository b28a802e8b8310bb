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
  id: string;
  fireAt: Date;
}

export interface FireJobData {
  clockId: string;
}

/**
 * The same clock always gets the same job id, so scheduling it again (a redelivered event, the
 * reconciler, a second instance) is a no-op while the job exists. BullMQ forbids `:` in ids.
 */
export function clockJobId(clock: ClockKey): string {
  return `${clock.appealId}.${clock.kind}.${clock.reminder}.${clock.dueAt.getTime()}`;
}

/**
 * Finished jobs are removed: the clock row keeps the outcome, and a removed id can be added again
 * by the reconciler if its row is still pending (a job that fired before its row was committed).
 */
export const FIRE_JOB_OPTIONS: JobsOptions = {
  removeOnComplete: true,
  removeOnFail: true,
  attempts: 5,
  backoff: { type: 'exponential', delay: 1_000 },
};

export function fireJob(clock: ScheduledClock, now = Date.now()) {
  return {
    name: FIRE_JOB,
    data: { clockId: clock.id } satisfies FireJobData,
    opts: { ...FIRE_JOB_OPTIONS, jobId: clockJobId(clock), delay: Math.max(0, clock.fireAt.getTime() - now) },
  };
}

const URL_NAMESPACE = Buffer.from('6ba7b8119dad11d180b400c04fd430c8', 'hex');

/** RFC 4122 version-5 uuid of `name`: the id of the event a job emits, the same on every attempt. */
export function uuidV5(name: string): string {
  const bytes = createHash('sha1').update(URL_NAMESPACE).update(name).digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The id of the event a clock's firing publishes. */
export const clockEventId = (clock: ClockKey) => uuidV5(`akimat-routing:${clockJobId(clock)}`);
