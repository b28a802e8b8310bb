import { DateTime } from 'luxon';

/** The office's time zone: days, weeks, months and years are counted as the office lives them. */
export const OFFICE_ZONE = 'Asia/Atyrau';

export const PERIODS = ['day', 'week', 'month', 'year'] as const;
export type Period = (typeof PERIODS)[number];

/** The first day of the period an instant falls in, in Asia/Atyrau (ISO weeks start on Monday). */
export function periodKey(instant: string | Date, period: Period): string {
  const at = typeof instant === 'string' ? DateTime.fromISO(instant) : DateTime.fromJSDate(instant);
  return at.setZone(OFFICE_ZONE).startOf(period).toISODate() as string;
}

/** [from, to) of a calendar year in Asia/Atyrau, as UTC instants. */
export function yearRange(year: number): { from: string; to: string } {
  const start = DateTime.fromObject({ year, month: 1, day: 1 }, { zone: OFFICE_ZONE });
  return { from: start.toUTC().toISO() as string, to: start.plus({ years: 1 }).toUTC().toISO() as string };
}

/** The same bucketing in SQL, so PostgreSQL groups exactly as periodKey does. */
export function periodKeySql(column: string, period: Period): string {
  return `to_char(date_trunc('${period}', ${column} AT TIME ZONE '${OFFICE_ZONE}'), 'YYYY-MM-DD')`;
}
