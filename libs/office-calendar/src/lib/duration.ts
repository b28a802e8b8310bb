import { z } from 'zod';

/**
 * `s`, `m`, `h` — exact elapsed time (what tests use to run a "3-day" clock in seconds);
 * `d`, `mo` — calendar days and months in the office's time zone;
 * `wd` — working days (weekends, public holidays and transferred days off skipped).
 */
export type DurationUnit = 's' | 'm' | 'h' | 'd' | 'wd' | 'mo';

export interface Duration {
  readonly amount: number;
  readonly unit: DurationUnit;
  /** The configuration text it came from, normalised (`15wd`), for logs and messages. */
  readonly text: string;
}

const DURATION_PATTERN = /^(\d+)(s|m|h|d|wd|mo)$/;

export const ACCEPTED_DURATION_FORMS =
  '<n>s, <n>m, <n>h (seconds, minutes, hours), <n>d (calendar days), <n>wd (working days) or <n>mo (calendar months), n a whole number ≥ 1, e.g. 3d, 15wd, 2mo, 5s';

function durationProblem(text: string): string | undefined {
  const match = DURATION_PATTERN.exec(text);
  if (!match) return `"${text}" is not a duration: use ${ACCEPTED_DURATION_FORMS}`;
  const amount = Number(match[1]);
  if (!Number.isSafeInteger(amount) || amount < 1) {
    return `"${text}" is not a duration: the number must be a whole number from 1 to ${Number.MAX_SAFE_INTEGER}`;
  }
  return undefined;
}

/** Parses `3d`, `15wd`, `2mo`, `5s`…; throws an Error naming the text and the accepted forms. */
export function parseDuration(text: string): Duration {
  const trimmed = text.trim();
  const problem = durationProblem(trimmed);
  if (problem) throw new Error(problem);
  const [, amount, unit] = DURATION_PATTERN.exec(trimmed) as RegExpExecArray;
  return { amount: Number(amount), unit: unit as DurationUnit, text: trimmed };
}

/**
 * For env schemas: `DEADLINE_FULL_ANSWER: durationSchema.prefault('15wd')` (`prefault`, not `default`:
 * zod 4 would hand a `default` value out as it is, without parsing it).
 */
export const durationSchema = z.string().transform((text, ctx): Duration => {
  const problem = durationProblem(text.trim());
  if (problem) {
    ctx.addIssue({ code: 'custom', message: problem });
    return z.NEVER;
  }
  return parseDuration(text);
});
