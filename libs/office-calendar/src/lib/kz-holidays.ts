import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { isIsoDate, isWeekend, plusDays, weekdayName } from './iso-date';
import data2025 from '../data/kz-holidays-2025.json';
import data2026 from '../data/kz-holidays-2026.json';
import data2027 from '../data/kz-holidays-2027.json';

/**
 * Kazakhstan's days off, one data file per year (`src/data/kz-holidays-<year>.json`).
 *
 * - `national`: a national or state holiday (Law "On holidays"); when it falls on a Saturday or
 *   Sunday the next working day is a day off (Labour Code Art. 85) — that day is a `moved` entry.
 * - `religious`: Orthodox Christmas (7 Jan) and the first day of Kurban Ait; never moved.
 * - `transfer`: a day off moved by the yearly order on transferring days off; the working day it
 *   was taken from is in `workingWeekends`.
 */
const isoDateSchema = z.string().refine(isIsoDate, 'must be a date written YYYY-MM-DD');

const dayEntrySchema = z.strictObject({
  date: isoDateSchema,
  name: z.string().min(1),
  kind: z.enum(['national', 'religious', 'moved', 'transfer']).optional(),
  /** For a `moved` day off: the weekend date of the holiday it stands for. */
  movedFrom: isoDateSchema.optional(),
});

export const holidayYearSchema = z
  .strictObject({
    $comment: z.string().optional(),
    year: z.number().int().min(1991).max(2200),
    daysOff: z.array(dayEntrySchema),
    workingWeekends: z.array(dayEntrySchema).default([]),
  })
  .superRefine((data, ctx) => {
    const check = (list: 'daysOff' | 'workingWeekends', ok: (date: string) => boolean, message: string) =>
      data[list].forEach((entry, index) => {
        if (!ok(entry.date)) ctx.addIssue({ code: 'custom', path: [list, index, 'date'], message });
      });
    const inYear = (date: string) => date.startsWith(`${data.year}-`);
    check('daysOff', inYear, `must be in ${data.year}`);
    check('workingWeekends', inYear, `must be in ${data.year}`);
    check('workingWeekends', isWeekend, 'must be a Saturday or a Sunday');
    const offDates = new Set(data.daysOff.map((entry) => entry.date));
    check('workingWeekends', (date) => !offDates.has(date), 'is also listed in daysOff');
  });

export type DayEntry = z.infer<typeof dayEntrySchema>;
export type HolidayYear = z.infer<typeof holidayYearSchema>;

/** National and state holidays: a weekend one gives the next working day off. In date order. */
const NATIONAL_HOLIDAYS: ReadonlyArray<readonly [monthDay: string, name: string]> = [
  ['01-01', 'New Year'],
  ['01-02', 'New Year'],
  ['03-08', "International Women's Day"],
  ['03-21', 'Nauryz meiramy'],
  ['03-22', 'Nauryz meiramy'],
  ['03-23', 'Nauryz meiramy'],
  ['05-01', "Kazakhstan People's Unity Day"],
  ['05-07', 'Defender of the Fatherland Day'],
  ['05-09', 'Victory Day'],
  ['07-06', 'Capital Day'],
  ['08-30', 'Constitution Day'],
  ['10-25', 'Republic Day'],
  ['12-16', 'Independence Day'],
];

const byDate = (a: DayEntry, b: DayEntry) => a.date.localeCompare(b.date);

/**
 * The days off that follow from the law alone: every national holiday, Orthodox Christmas, the
 * first day of Kurban Ait when its date is given (the government sets it each year), and for each
 * national holiday on a weekend the next day that is neither a weekend nor already off. Yearly
 * transfer orders are not in here: they are decisions, not rules.
 */
export function statutoryHolidayYear(year: number, kurbanAit?: string): HolidayYear {
  const holidays: DayEntry[] = NATIONAL_HOLIDAYS.map(([monthDay, name]) => ({
    date: `${year}-${monthDay}`,
    name,
    kind: 'national' as const,
  }));
  holidays.push({ date: `${year}-01-07`, name: 'Orthodox Christmas', kind: 'religious' });
  if (kurbanAit) holidays.push({ date: kurbanAit, name: 'Kurban Ait (first day)', kind: 'religious' });

  const off = new Set(holidays.map((entry) => entry.date));
  const moved: DayEntry[] = [];
  for (const holiday of holidays) {
    if (holiday.kind !== 'national' || !isWeekend(holiday.date)) continue;
    let date = plusDays(holiday.date, 1);
    while (isWeekend(date) || off.has(date)) date = plusDays(date, 1);
    off.add(date);
    moved.push({
      date,
      name: `Day off for ${holiday.name} (${holiday.date}, a ${weekdayName(holiday.date)})`,
      kind: 'moved',
      movedFrom: holiday.date,
    });
  }
  return { year, daysOff: [...holidays, ...moved].sort(byDate), workingWeekends: [] };
}

function parseHolidayYear(raw: unknown, source: string): HolidayYear {
  const result = holidayYearSchema.safeParse(raw);
  if (!result.success) throw new Error(`Invalid holiday data in ${source}:\n${z.prettifyError(result.error)}`);
  return result.data;
}

/** The bundled years, validated once when the module loads. */
export const BUNDLED_HOLIDAY_YEARS: readonly HolidayYear[] = [data2025, data2026, data2027].map((raw) =>
  parseHolidayYear(raw, `bundled kz-holidays-${raw.year}.json`),
);

/** Reads an override file: one year object or an array of them, in the shape of the bundled files. */
export function loadHolidayFile(path: string): HolidayYear[] {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`Cannot read the holiday file ${path}: ${(error as Error).message}`);
  }
  // Not a z.union: its error would say "Invalid input" instead of naming the wrong field.
  const result = z.array(holidayYearSchema).safeParse(Array.isArray(raw) ? raw : [raw]);
  if (!result.success) throw new Error(`Invalid holiday file ${path}:\n${z.prettifyError(result.error)}`);
  return result.data;
}

/** A year present in `overrides` replaces that year of `base` whole; other years are added. */
export function mergeHolidayYears(base: readonly HolidayYear[], overrides: readonly HolidayYear[]): HolidayYear[] {
  const byYear = new Map(base.map((year) => [year.year, year]));
  for (const year of overrides) byYear.set(year.year, year);
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}
