import { Deadline, DeadlineKind, deadlineKindSchema } from '@akimat/contracts';
import { Duration, OfficeCalendar } from '@akimat/office-calendar';

/**
 * The clocks routing runs: what the office owes the resident (the contracts' answer clocks) — the
 * brief and full answers, forwarding an appeal outside its competence, telling of an extension.
 */
export type AnswerKind = DeadlineKind;
export const ANSWER_KINDS: readonly AnswerKind[] = deadlineKindSchema.options;
/** The terms that start when an appeal is routed; forwarding and the extension notice start on their events. */
export const ROUTED_KINDS: readonly AnswerKind[] = ['brief_answer', 'full_answer'];

/** The `reminder` label of the clock that fires at the due time itself (`appeal.deadline_missed`). */
export const DUE = 'due';

export interface ClockSettings {
  readonly calendar: OfficeCalendar;
  readonly durations: Readonly<Record<AnswerKind, Duration>>;
  /** Parts of the term after which a reminder goes out, e.g. [0.5, 0.8]. */
  readonly reminderFractions: readonly number[];
  /** Reminders this long before the due time, e.g. [2h]; `s`, `m`, `h` or `d` only. */
  readonly reminderBefore: readonly Duration[];
  /** Whether reminders wait for office hours (the due time itself never does). */
  readonly officeHoursForReminders: boolean;
}

export interface PlannedClock {
  readonly kind: AnswerKind;
  /** `50%`, `80%`, `2h`… for a reminder, `due` for the due time. */
  readonly reminder: string;
  readonly dueAt: Date;
  readonly fireAt: Date;
}

const EXACT_MS: Partial<Record<Duration['unit'], number>> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Whether a duration can say "this long before the due time" (working days and months cannot). */
export const isExactDuration = (duration: Duration) => EXACT_MS[duration.unit] !== undefined;

/** An appeal's clocks when routed: none when no answer is required (an anonymous appeal). */
export function planAppealClocks(
  appeal: { answerRequired: boolean; deadlinesFrom: Date },
  settings: ClockSettings,
  now: Date,
): PlannedClock[] {
  return appeal.answerRequired ? planAnswerClocks(appeal.deadlinesFrom, settings, now) : [];
}

/** Every clock of each kind's term counted from `start` (registration, or a restart). */
export function planAnswerClocks(
  start: Date,
  settings: ClockSettings,
  now: Date,
  kinds: readonly AnswerKind[] = ROUTED_KINDS,
): PlannedClock[] {
  return kinds.flatMap((kind) =>
    planTerm(kind, start, settings.calendar.addDuration(start, settings.durations[kind]), settings, now),
  );
}

/**
 * One term's clocks: the due time, exact, and its reminders. A reminder outside office hours is
 * deferred to the next opening; one already past at planning time, or that would go out at or
 * after the due time, is left out (the due time's own event says more). Reminders deferred to the
 * same instant collapse into the one nearest the due time.
 */
export function planTerm(
  kind: AnswerKind,
  start: Date,
  dueAt: Date,
  settings: ClockSettings,
  now: Date,
): PlannedClock[] {
  const term = dueAt.getTime() - start.getTime();
  const reminders = [
    ...settings.reminderFractions.map((fraction) => ({
      reminder: `${Math.round(fraction * 100)}%`,
      at: start.getTime() + term * fraction,
    })),
    ...settings.reminderBefore.map((before) => ({
      reminder: before.text,
      at: dueAt.getTime() - before.amount * (EXACT_MS[before.unit] ?? Number.NaN),
    })),
  ]
    .filter(({ at }) => at > start.getTime())
    .map(({ reminder, at }) => {
      const fireAt = settings.officeHoursForReminders
        ? settings.calendar.deferToOfficeHours(new Date(at))
        : new Date(at);
      return { kind, reminder, dueAt, fireAt };
    })
    .filter(({ fireAt }) => fireAt < dueAt && fireAt >= now)
    .sort((a, b) => a.fireAt.getTime() - b.fireAt.getTime());
  const distinct = reminders.filter((clock, i) => reminders[i + 1]?.fireAt.getTime() !== clock.fireAt.getTime());
  return [...distinct, { kind, reminder: DUE, dueAt, fireAt: dueAt }];
}

/** The due times a set of clocks waits for, as events carry them: one per kind and due time. */
export function deadlinesOf(clocks: readonly { kind: Deadline['kind']; reminder: string; dueAt: Date }[]): Deadline[] {
  return clocks
    .filter((clock) => clock.reminder === DUE)
    .map((clock) => ({ kind: clock.kind, dueAt: clock.dueAt.toISOString() }))
    .sort((a, b) => a.dueAt.localeCompare(b.dueAt));
}
