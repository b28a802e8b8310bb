import { DateTime } from 'luxon';

/** Calendar arithmetic on ISO dates ('YYYY-MM-DD'), free of any time zone. */

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function toDateTime(isoDate: string): DateTime {
  return DateTime.fromISO(isoDate, { zone: 'utc' });
}

export function isIsoDate(text: string): boolean {
  return ISO_DATE.test(text) && toDateTime(text).isValid;
}

const DAY_MS = 86_400_000;

// These two run many times per due date, so they use plain UTC arithmetic rather than luxon.
export function plusDays(isoDate: string, days: number): string {
  return new Date(Date.parse(isoDate) + days * DAY_MS).toISOString().slice(0, 10);
}

/** 1 = Monday … 7 = Sunday. */
export function weekdayOf(isoDate: string): number {
  return new Date(Date.parse(isoDate)).getUTCDay() || 7;
}

export function isWeekend(isoDate: string): boolean {
  return weekdayOf(isoDate) >= 6;
}

export function weekdayName(isoDate: string): string {
  return toDateTime(isoDate).setLocale('en').toFormat('cccc');
}
