/**
 * `dd.MM.yyyy HH:mm` in the given time zone, from one Intl formatter made up front: notices show
 * a date each, and building a zoned date per call cost more than rendering the whole template.
 */
export function localDateTimeFormat(timeZone: string): (instant: Date) => string {
  const formatter = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return (instant) => {
    const part: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
    for (const { type, value } of formatter.formatToParts(instant)) part[type] = value;
    return `${part.day}.${part.month}.${part.year} ${part.hour}:${part.minute}`;
  };
}
