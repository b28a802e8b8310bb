/**
 * The office's clock. Everything staff and residents read or type as a time is on it, whatever the
 * zone of the device (a laptop set to UTC, a phone abroad): registration days and due dates are the
 * office's. Asia/Atyrau is UTC+5 all year; the conversions below still ask Intl, not a constant.
 */
export const OFFICE_TIME_ZONE = 'Asia/Atyrau';

const localeOf = (language: string | undefined) => (language === 'kk' ? 'kk-KZ' : 'ru-RU');

const parts = (at: Date) =>
  Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: OFFICE_TIME_ZONE,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(at)
      .map((part) => [part.type, part.value]),
  ) as Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', string>;

/** "14:05" on the office clock. */
export function officeTime(at: string | number | Date, language: string | undefined): string {
  return new Intl.DateTimeFormat(localeOf(language), {
    timeZone: OFFICE_TIME_ZONE,
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(at));
}

/** Date and time on the office clock, short, in the console's language; "—" for none. */
export function officeDateTime(at: string | null | undefined, language: string | undefined): string {
  if (!at) return '—';
  const date = new Date(at);
  if (Number.isNaN(date.getTime())) return '—';
  return new Intl.DateTimeFormat(localeOf(language), {
    timeZone: OFFICE_TIME_ZONE,
    dateStyle: 'short',
    timeStyle: 'short',
  }).format(date);
}

/** Today's date in the office, "2026-11-26". */
export function officeToday(now = new Date()): string {
  const { year, month, day } = parts(now);
  return `${year}-${month}-${day}`;
}

/** The office clock's "YYYY-MM-DDTHH:mm" of an instant (what a datetime-local input holds). */
export function toOfficeLocal(at: Date): string {
  const { year, month, day, hour, minute } = parts(at);
  return `${year}-${month}-${day}T${hour}:${minute}`;
}

/** The instant a "YYYY-MM-DDTHH:mm" read on the office clock stands for; undefined if not such a value. */
export function fromOfficeLocal(local: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!match) return undefined;
  const [year, month, day, hour, minute] = match.slice(1).map(Number);
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  // The zone's offset at about that moment, then once more at the corrected moment (DST edges).
  let instant = wall;
  for (let pass = 0; pass < 2; pass += 1) {
    const seen = parts(new Date(instant));
    const seenWall = Date.UTC(+seen.year, +seen.month - 1, +seen.day, +seen.hour, +seen.minute);
    instant += wall - seenWall;
  }
  return new Date(instant);
}
