import { DateTime, FixedOffsetZone, IANAZone, Zone } from 'luxon';
import { Duration, parseDuration } from './duration';
import { isIsoDate, isWeekend, plusDays } from './iso-date';
import { statutoryHolidayYear } from './kz-holidays';

export interface OfficeHours {
  /** Local time 'HH:mm' the office opens on a working day. */
  readonly opens: string;
  /** Local time 'HH:mm' it closes; later than `opens`. */
  readonly closes: string;
}

export interface OfficeCalendarOptions {
  /** IANA zone all local dates and times are taken in. Default 'Asia/Atyrau' (UTC+5, no DST). */
  readonly timeZone?: string;
  /** Default 09:00–18:30. */
  readonly officeHours?: OfficeHours;
  /** ISO dates that are days off besides Saturdays and Sundays: holidays, moved and transferred days off. */
  readonly holidays?: Iterable<string>;
  /** ISO dates of Saturdays and Sundays that a transfer order made working days. */
  readonly workingWeekends?: Iterable<string>;
  /**
   * Years that `holidays` and `workingWeekends` describe in full; default: the years they mention.
   * A date in any other year gets the days off that follow from the law alone
   * (`statutoryHolidayYear`): fixed-date holidays and their moves, but no Kurban Ait and no transfers.
   */
  readonly coveredYears?: Iterable<number>;
}

export const DEFAULT_TIME_ZONE = 'Asia/Atyrau';
export const DEFAULT_OFFICE_HOURS: OfficeHours = { opens: '09:00', closes: '18:30' };

const LOCAL_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
/** More days off in a row than this means the data is broken, not that a holiday is long. */
const MAX_DAYS_OFF_IN_A_ROW = 60;
const MS = { s: 1_000, m: 60_000, h: 3_600_000 } as const;
const DAY_MS = 86_400_000;
const MEMO_LIMIT = 10_000;

/**
 * Working days, office hours and due times of the akimat, in its own time zone.
 *
 * Due times (`addDuration`):
 * - `s`, `m`, `h` are exact elapsed time and are never moved: they exist so tests and demos can
 *   run a "3-day" clock in seconds, and a test must not wait for Monday.
 * - `d` and `mo` are calendar days and months: the same local wall time N days (months) later
 *   (luxon zone arithmetic; a month end is clamped, 31 Jan + 1mo = 28 Feb). When that lands on a
 *   day off the due time moves to the next working day at the same local time — "within 3 days"
 *   then never ends on a day the office is closed, and never gets shorter.
 * - `wd` follows how a period in days is counted in law: the period starts on the day after the
 *   event and ends at the close of business of its last day. Day 0 is the start's registration
 *   date (`registrationDate`: the same day when it is a working day before closing, else the next
 *   working day — an act after hours is the next working day's act); days 1…N are the working days
 *   after it; the due time is office closing (18:30 by default) on day N. So a full answer "within
 *   15 working days of registration" is due at 18:30 on the 15th working day after registration.
 *
 * Office hours (`withinOfficeHours`, `nextOfficeOpening`, `deferToOfficeHours`): opening time
 * included, closing time excluded, on working days only. A reminder that falls outside them is
 * deferred to the next opening, never dropped.
 */
export class OfficeCalendar {
  readonly timeZone: string;
  readonly officeHours: OfficeHours;
  readonly coveredYears: readonly number[];
  private readonly holidays: ReadonlySet<string>;
  private readonly workingWeekends: ReadonlySet<string>;
  private readonly statutoryDaysOff = new Map<number, ReadonlySet<string>>();
  /** Answers of `nextWorkingDate`: a 15-working-day term asks it 15 times per appeal. */
  private readonly nextWorkingDates = new Map<string, string>();
  /** The zone as luxon computes with it: see `ZoneChoice`. */
  private readonly zones: ZoneChoice;

  constructor(options: OfficeCalendarOptions = {}) {
    this.timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
    if (!IANAZone.isValidZone(this.timeZone)) {
      throw new Error(`Unknown time zone "${this.timeZone}": use an IANA name such as Asia/Atyrau`);
    }
    this.zones = new ZoneChoice(this.timeZone);
    this.officeHours = checkOfficeHours(options.officeHours ?? DEFAULT_OFFICE_HOURS);
    this.holidays = checkDates('holidays', options.holidays);
    this.workingWeekends = checkDates('workingWeekends', options.workingWeekends);
    const mentioned = [...this.holidays, ...this.workingWeekends].map((date) => Number(date.slice(0, 4)));
    this.coveredYears = [...new Set(options.coveredYears ?? mentioned)].sort((a, b) => a - b);
  }

  /** The office's local calendar date of an instant, 'YYYY-MM-DD'. */
  localDate(instant: Date): string {
    const offsetMs = this.zones.fixedOffsetMsAt(instant.getTime());
    if (offsetMs === undefined) return this.local(instant).toISODate() as string;
    return new Date(instant.getTime() + offsetMs).toISOString().slice(0, 10);
  }

  isWorkingDate(isoDate: string): boolean {
    const year = Number(isoDate.slice(0, 4));
    if (!this.coveredYears.includes(year)) return !this.statutoryDaysOffOf(year).has(isoDate);
    if (this.holidays.has(isoDate)) return false;
    return !isWeekend(isoDate) || this.workingWeekends.has(isoDate);
  }

  /** Whether the office's local date of `instant` is a working day. */
  isWorkingDay(instant: Date): boolean {
    return this.isWorkingDate(this.localDate(instant));
  }

  /** The first working day strictly after `isoDate`. */
  nextWorkingDate(isoDate: string): string {
    let next = this.nextWorkingDates.get(isoDate);
    if (next === undefined) {
      if (this.nextWorkingDates.size >= MEMO_LIMIT) this.nextWorkingDates.clear();
      next = this.findNextWorkingDate(isoDate);
      this.nextWorkingDates.set(isoDate, next);
    }
    return next;
  }

  private findNextWorkingDate(isoDate: string): string {
    let date = isoDate;
    for (let step = 0; step <= MAX_DAYS_OFF_IN_A_ROW; step++) {
      date = plusDays(date, 1);
      if (this.isWorkingDate(date)) return date;
    }
    throw new Error(`No working day within ${MAX_DAYS_OFF_IN_A_ROW} days after ${isoDate}: check the holiday data`);
  }

  /**
   * The registration date of an appeal received at `receivedAt`: that day when it is a working
   * day and the office has not closed yet (early arrivals count for the same day), else the next
   * working day.
   */
  registrationDate(receivedAt: Date): string {
    const date = this.localDate(receivedAt);
    if (this.isWorkingDate(date) && receivedAt < this.at(date, this.officeHours.closes)) return date;
    return this.nextWorkingDate(date);
  }

  /** The due time of a clock started at `start`; see the class comment for each unit. */
  addDuration(start: Date, duration: Duration | string): Date {
    const { amount, unit } = typeof duration === 'string' ? parseDuration(duration) : duration;
    switch (unit) {
      case 's':
      case 'm':
      case 'h':
        return new Date(start.getTime() + amount * MS[unit]);
      case 'd': {
        const offsetMs = this.zones.fixedOffsetMsAt(start.getTime());
        if (offsetMs !== undefined) return this.onWorkingDayFixed(new Date(start.getTime() + amount * DAY_MS));
        return this.onWorkingDay(this.local(start).plus({ days: amount }));
      }
      case 'mo':
        return this.onWorkingDay(this.local(start).plus({ months: amount }));
      case 'wd': {
        let date = this.registrationDate(start);
        for (let day = 0; day < amount; day++) date = this.nextWorkingDate(date);
        return this.at(date, this.officeHours.closes);
      }
    }
  }

  /** Whether `instant` is on a working day between opening (included) and closing (excluded). */
  withinOfficeHours(instant: Date): boolean {
    const date = this.localDate(instant);
    return (
      this.isWorkingDate(date) &&
      instant >= this.at(date, this.officeHours.opens) &&
      instant < this.at(date, this.officeHours.closes)
    );
  }

  /** The first office opening at or after `instant`. */
  nextOfficeOpening(instant: Date): Date {
    const date = this.localDate(instant);
    const opening = this.at(date, this.officeHours.opens);
    if (this.isWorkingDate(date) && instant <= opening) return opening;
    return this.at(this.nextWorkingDate(date), this.officeHours.opens);
  }

  /** `instant` itself when the office is open then, else the next opening. */
  deferToOfficeHours(instant: Date): Date {
    return this.withinOfficeHours(instant) ? instant : this.nextOfficeOpening(instant);
  }

  private local(instant: Date): DateTime {
    return DateTime.fromJSDate(instant, { zone: this.zones.at(instant.getTime()) });
  }

  /** The instant of local time 'HH:mm' on `isoDate` in the office's zone. */
  private at(isoDate: string, localTime: string): Date {
    const offsetMs = this.zones.fixedOffsetMsOn(isoDate);
    if (offsetMs === undefined) {
      return DateTime.fromISO(`${isoDate}T${localTime}`, { zone: this.zones.onDate(isoDate) }).toJSDate();
    }
    return new Date(Date.parse(`${isoDate}T${localTime}:00Z`) - offsetMs);
  }

  /** `due` itself on a working day, else the same local time on the next working day. */
  private onWorkingDay(due: DateTime): Date {
    const date = due.toISODate() as string;
    if (this.isWorkingDate(date)) return due.toJSDate();
    const next = DateTime.fromISO(this.nextWorkingDate(date), { zone: this.zones.onDate(this.nextWorkingDate(date)) });
    return due.set({ year: next.year, month: next.month, day: next.day }).toJSDate();
  }

  /** `onWorkingDay` where the zone's offset is fixed: a day is exactly 24 hours. */
  private onWorkingDayFixed(due: Date): Date {
    const date = this.localDate(due);
    if (this.isWorkingDate(date)) return due;
    return new Date(due.getTime() + (Date.parse(this.nextWorkingDate(date)) - Date.parse(date)));
  }

  private statutoryDaysOffOf(year: number): ReadonlySet<string> {
    let daysOff = this.statutoryDaysOff.get(year);
    if (!daysOff) {
      daysOff = new Set(statutoryHolidayYear(year).daysOff.map((entry) => entry.date));
      this.statutoryDaysOff.set(year, daysOff);
    }
    return daysOff;
  }
}

function checkOfficeHours(hours: OfficeHours): OfficeHours {
  if (!LOCAL_TIME.test(hours.opens) || !LOCAL_TIME.test(hours.closes) || hours.opens >= hours.closes) {
    throw new Error(
      `Invalid office hours ${hours.opens}–${hours.closes}: use 24-hour HH:mm times with opening before closing, e.g. 09:00–18:30`,
    );
  }
  return { opens: hours.opens, closes: hours.closes };
}

function checkDates(name: string, dates: Iterable<string> = []): ReadonlySet<string> {
  const set = new Set(dates);
  const wrong = [...set].filter((date) => !isIsoDate(date));
  if (wrong.length) throw new Error(`Invalid ${name} date(s) ${wrong.join(', ')}: write dates as YYYY-MM-DD`);
  return set;
}

/**
 * Once a zone's offset stops changing (Asia/Atyrau: UTC+5 since October 2004, no daylight saving),
 * instants after that are computed with a fixed offset — local dates and times by adding the
 * offset, without luxon: the same answers, without the cost that was most of the CPU of planning
 * an appeal's clocks. Earlier instants, and zones that still change (daylight saving), use luxon
 * with the IANA zone.
 */
class ZoneChoice {
  private readonly iana: IANAZone;
  private readonly fixed?: { zone: Zone; offsetMs: number; fromMs: number; fromDate: string };

  constructor(name: string) {
    this.iana = IANAZone.create(name);
    let lastChange = Date.UTC(1970, 0, 1);
    const latest = this.iana.offset(Date.UTC(2100, 0, 1));
    for (let month = 0; month < 130 * 12; month += 1) {
      const at = Date.UTC(1970, month, 1);
      if (this.iana.offset(at) !== latest) lastChange = Date.UTC(1970, month + 1, 1);
    }
    if (lastChange < Date.UTC(2090, 0, 1)) {
      const fromMs = lastChange + 31 * 86_400_000;
      this.fixed = {
        zone: FixedOffsetZone.instance(latest),
        offsetMs: latest * 60_000,
        fromMs,
        fromDate: new Date(fromMs).toISOString().slice(0, 10),
      };
    }
  }

  at(epochMs: number): Zone {
    return this.fixed && epochMs >= this.fixed.fromMs ? this.fixed.zone : this.iana;
  }

  onDate(isoDate: string): Zone {
    return this.fixed && isoDate >= this.fixed.fromDate ? this.fixed.zone : this.iana;
  }

  /** The fixed offset in ms when it applies at this instant, else undefined. */
  fixedOffsetMsAt(epochMs: number): number | undefined {
    return this.fixed && epochMs >= this.fixed.fromMs ? this.fixed.offsetMs : undefined;
  }

  /** The fixed offset in ms when it applies on this local date, else undefined. */
  fixedOffsetMsOn(isoDate: string): number | undefined {
    return this.fixed && isoDate >= this.fixed.fromDate ? this.fixed.offsetMs : undefined;
  }
}
