import { IANAZone } from 'luxon';
import { z } from 'zod';
import { BUNDLED_HOLIDAY_YEARS, HolidayYear, loadHolidayFile, mergeHolidayYears } from './kz-holidays';
import { DEFAULT_OFFICE_HOURS, DEFAULT_TIME_ZONE, OfficeCalendar, OfficeHours } from './office-calendar';

export interface CreateOfficeCalendarOptions {
  timeZone?: string;
  officeHours?: OfficeHours;
  /** Path of a JSON file shaped like `src/data/kz-holidays-<year>.json` (one year or an array of years). */
  holidayFile?: string;
  /** Years given in code; applied after the file. */
  holidayYears?: readonly HolidayYear[];
}

/**
 * The office calendar with the bundled Kazakhstan data (2025–2027). Each year in the holiday file
 * or in `holidayYears` replaces the bundled year of the same number whole, or adds a year.
 * Reads the file once, here; the calendar itself does no I/O.
 */
export function createOfficeCalendar(options: CreateOfficeCalendarOptions = {}): OfficeCalendar {
  let years = [...BUNDLED_HOLIDAY_YEARS];
  if (options.holidayFile) years = mergeHolidayYears(years, loadHolidayFile(options.holidayFile));
  if (options.holidayYears) years = mergeHolidayYears(years, options.holidayYears);
  return new OfficeCalendar({
    timeZone: options.timeZone,
    officeHours: options.officeHours,
    holidays: years.flatMap((year) => year.daysOff.map((entry) => entry.date)),
    workingWeekends: years.flatMap((year) => year.workingWeekends.map((entry) => entry.date)),
    coveredYears: years.map((year) => year.year),
  });
}

const localTime = (fallback: string) =>
  z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a 24-hour local time HH:mm, e.g. 09:00')
    .default(fallback);

/** The variables a service that uses the calendar adds to its env schema. */
export const officeCalendarEnvSchema = z.object({
  OFFICE_TIME_ZONE: z
    .string()
    .refine((zone) => IANAZone.isValidZone(zone), 'must be an IANA time zone, e.g. Asia/Atyrau')
    .default(DEFAULT_TIME_ZONE),
  OFFICE_OPENS: localTime(DEFAULT_OFFICE_HOURS.opens),
  OFFICE_CLOSES: localTime(DEFAULT_OFFICE_HOURS.closes),
  /** Overrides or adds years of holiday data; see the library's README. */
  OFFICE_HOLIDAY_FILE: z.string().min(1).optional(),
});

export type OfficeCalendarEnv = z.infer<typeof officeCalendarEnvSchema>;

export function createOfficeCalendarFromEnv(env: OfficeCalendarEnv): OfficeCalendar {
  return createOfficeCalendar({
    timeZone: env.OFFICE_TIME_ZONE,
    officeHours: { opens: env.OFFICE_OPENS, closes: env.OFFICE_CLOSES },
    holidayFile: env.OFFICE_HOLIDAY_FILE,
  });
}
