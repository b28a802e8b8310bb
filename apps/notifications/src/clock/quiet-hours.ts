import { DateTime } from 'luxon';

export interface QuietHours {
  /** Local time `HH:mm` the quiet period starts. */
  start: string;
  /** Local time `HH:mm` it ends; before `start` means it spans midnight. */
  end: string;
  timeZone: string;
}

/**
 * When an SMS to a resident may go out: null if now is outside quiet hours, else the end of the
 * current quiet period. Equal start and end mean no quiet hours.
 */
export function quietUntil(now: Date, { start, end, timeZone }: QuietHours): Date | null {
  if (start === end) return null;
  const local = DateTime.fromJSDate(now, { zone: timeZone });
  const minutes = local.hour * 60 + local.minute;
  const [startMinutes, endMinutes] = [start, end].map(toMinutes);
  const spansMidnight = startMinutes > endMinutes;
  const quiet = spansMidnight
    ? minutes >= startMinutes || minutes < endMinutes
    : minutes >= startMinutes && minutes < endMinutes;
  if (!quiet) return null;
  const endsTomorrow = spansMidnight && minutes >= startMinutes;
  const [hour, minute] = end.split(':').map(Number);
  return local
    .plus({ days: endsTomorrow ? 1 : 0 })
    .set({ hour, minute, second: 0, millisecond: 0 })
    .toJSDate();
}

function toMinutes(time: string): number {
  const [hour, minute] = time.split(':').map(Number);
  return hour * 60 + minute;
}
