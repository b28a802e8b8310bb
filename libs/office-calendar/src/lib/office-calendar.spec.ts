import { DateTime } from 'luxon';
import { createOfficeCalendar } from './create-office-calendar';
import { parseDuration } from './duration';
import { OfficeCalendar } from './office-calendar';

const ZONE = 'Asia/Atyrau';
const calendar = createOfficeCalendar();

/** '2026-03-20 19:00' in Atyrau → the instant. */
function local(text: string, zone = ZONE): Date {
  const instant = DateTime.fromFormat(text, 'yyyy-MM-dd HH:mm:ss', { zone });
  return (instant.isValid ? instant : DateTime.fromFormat(text, 'yyyy-MM-dd HH:mm', { zone })).toJSDate();
}

/** The instant as Atyrau wall time with its weekday, to read expectations at a glance. */
function show(instant: Date, zone = ZONE): string {
  return DateTime.fromJSDate(instant, { zone }).toFormat('yyyy-MM-dd HH:mm:ss ccc');
}

describe('OfficeCalendar: working days', () => {
  it.each([
    ['2026-01-01', 'New Year'],
    ['2026-01-02', 'New Year'],
    ['2026-01-07', 'Orthodox Christmas'],
    ['2026-03-08', "International Women's Day (a Sunday)"],
    ['2026-03-21', 'Nauryz (a Saturday)'],
    ['2026-03-22', 'Nauryz (a Sunday)'],
    ['2026-03-23', 'Nauryz'],
    ['2026-05-01', "Kazakhstan People's Unity Day"],
    ['2026-05-07', 'Defender of the Fatherland Day'],
    ['2026-05-09', 'Victory Day (a Saturday)'],
    ['2026-05-27', 'Kurban Ait'],
    ['2026-07-06', 'Capital Day'],
    ['2026-08-30', 'Constitution Day (a Sunday)'],
    ['2026-10-25', 'Republic Day (a Sunday)'],
    ['2026-12-16', 'Independence Day'],
  ])('%s (%s) is not a working day', (date) => {
    expect(calendar.isWorkingDate(date)).toBe(false);
    expect(calendar.isWorkingDay(local(`${date} 12:00`))).toBe(false);
  });

  it.each([
    ['2026-03-08', '2026-03-09'],
    ['2026-03-21', '2026-03-24'],
    ['2026-03-22', '2026-03-25'],
    ['2026-05-09', '2026-05-11'],
    ['2026-08-30', '2026-08-31'],
    ['2026-10-25', '2026-10-26'],
    ['2027-01-02', '2027-01-04'],
    ['2027-03-21', '2027-03-24'],
    ['2027-05-01', '2027-05-03'],
    ['2027-05-09', '2027-05-10'],
  ])('the holiday on the weekend %s gives %s off', (holiday, dayOff) => {
    expect(calendar.isWorkingDate(holiday)).toBe(false);
    expect(calendar.isWorkingDate(dayOff)).toBe(false);
    expect(calendar.nextWorkingDate(dayOff)).not.toBe(dayOff);
  });

  it('does not move religious holidays: Kurban Ait on Sunday 2027-05-16 leaves Monday working', () => {
    expect(calendar.isWorkingDate('2027-05-16')).toBe(false);
    expect(calendar.isWorkingDate('2027-05-17')).toBe(true);
  });

  it.each([
    ['2026-04-04', false, 'Saturday'],
    ['2026-04-05', false, 'Sunday'],
    ['2026-04-06', true, 'Monday'],
    ['2026-04-10', true, 'Friday'],
    ['2026-03-26', true, 'Thursday after Nauryz'],
    ['2026-05-08', true, 'Friday between the May holidays'],
    ['2025-01-03', false, 'Friday made a day off by the 2025 transfer'],
    ['2025-01-05', true, 'Sunday made a working day by the 2025 transfer'],
  ])('%s is a working day: %s (%s)', (date, working) => {
    expect(calendar.isWorkingDate(date)).toBe(working);
  });

  it('reads the date in Asia/Atyrau (UTC+5): midnight is 19:00 UTC', () => {
    const lastSecondOfFriday = new Date('2026-03-20T18:59:59Z');
    const nauryzMidnight = new Date('2026-03-20T19:00:00Z');
    expect(calendar.localDate(lastSecondOfFriday)).toBe('2026-03-20');
    expect(calendar.isWorkingDay(lastSecondOfFriday)).toBe(true);
    expect(calendar.localDate(nauryzMidnight)).toBe('2026-03-21');
    expect(calendar.isWorkingDay(nauryzMidnight)).toBe(false);
    // Still Friday 20 March in UTC, already a day off in the office.
    expect(nauryzMidnight.toISOString().slice(0, 10)).toBe('2026-03-20');
  });

  it('crosses the end of the year: 31 Dec 2026 → Tuesday 5 Jan 2027', () => {
    expect(calendar.nextWorkingDate('2026-12-31')).toBe('2027-01-05');
    expect(calendar.nextWorkingDate('2027-01-06')).toBe('2027-01-08');
  });

  it('falls back to the law alone for a year without data, and says which years it covers', () => {
    expect(calendar.coveredYears).toEqual([2025, 2026, 2027]);
    // 1–2 Jan 2028 fall on Saturday and Sunday: Monday 3 and Tuesday 4 are off.
    expect(['2028-01-03', '2028-01-04', '2028-01-05'].map((d) => calendar.isWorkingDate(d))).toEqual([
      false,
      false,
      true,
    ]);
  });
});

describe('OfficeCalendar: registrationDate', () => {
  it.each([
    ['2026-04-10 10:00', '2026-04-10', 'during office hours'],
    ['2026-04-10 07:15', '2026-04-10', 'before opening on a working day'],
    ['2026-04-10 18:29:59', '2026-04-10', 'the last second before closing'],
    ['2026-04-10 18:30', '2026-04-13', 'at closing on Friday'],
    ['2026-04-10 23:59:59', '2026-04-13', 'late on Friday'],
    ['2026-04-11 10:00', '2026-04-13', 'on Saturday'],
    ['2026-03-20 19:00', '2026-03-26', 'on Friday evening before Nauryz'],
    ['2026-03-23 10:00', '2026-03-26', 'on Nauryz'],
    ['2026-12-31 20:00', '2027-01-05', 'on New Year’s Eve after hours'],
  ])('received %s → registered %s (%s)', (received, registered) => {
    expect(calendar.registrationDate(local(received))).toBe(registered);
  });
});

describe('OfficeCalendar: addDuration', () => {
  it.each([
    // Calendar days: same local time, moved to the next working day at that time.
    ['2026-04-06 11:00', '3d', '2026-04-09 11:00:00 Thu', 'on a working day'],
    ['2026-04-02 11:00', '3d', '2026-04-06 11:00:00 Mon', 'landing on a Sunday moves to Monday'],
    ['2026-05-06 10:00', '3d', '2026-05-12 10:00:00 Tue', 'landing on Victory Day moves past its Monday off'],
    ['2026-12-29 10:00', '3d', '2027-01-05 10:00:00 Tue', 'landing on New Year moves past the Monday off'],
    ['2026-04-10 20:00', '1d', '2026-04-13 20:00:00 Mon', 'after hours keeps its local time'],
    // Months: same local time, month end clamped, then moved off a day off.
    ['2026-03-20 10:00', '2mo', '2026-05-20 10:00:00 Wed', 'two months'],
    ['2026-01-31 10:00', '1mo', '2026-03-02 10:00:00 Mon', '31 Jan + 1 month = Saturday 28 Feb → Monday'],
    // Working days: closing time of the Nth working day after the registration date.
    ['2026-04-06 10:00', '1wd', '2026-04-07 18:30:00 Tue', 'one working day'],
    ['2026-04-10 10:00', '3wd', '2026-04-15 18:30:00 Wed', 'over a weekend'],
    ['2026-03-20 10:00', '15wd', '2026-04-15 18:30:00 Wed', 'registered Friday before Nauryz'],
    ['2026-03-20 19:00', '15wd', '2026-04-16 18:30:00 Thu', 'received Friday evening: registered 26 March'],
    ['2026-03-21 10:00', '15wd', '2026-04-16 18:30:00 Thu', 'received on Nauryz: registered 26 March'],
    ['2026-12-29 10:00', '3wd', '2027-01-05 18:30:00 Tue', 'across 1–4 Jan 2027'],
    ['2026-12-29 10:00', '15wd', '2027-01-22 18:30:00 Fri', 'across New Year and Christmas'],
    // Exact time: never moved, so tests can run a clock in seconds on any day.
    ['2026-04-11 10:00', '5s', '2026-04-11 10:00:05 Sat', 'seconds, on a Saturday'],
    ['2026-04-10 18:00', '90m', '2026-04-10 19:30:00 Fri', 'minutes past closing'],
    ['2026-04-10 12:00', '24h', '2026-04-11 12:00:00 Sat', 'hours onto a Saturday'],
  ])('%s + %s = %s (%s)', (start, duration, due) => {
    expect(show(calendar.addDuration(local(start), duration))).toBe(due);
  });

  it('takes a parsed duration as well as its text', () => {
    const start = local('2026-03-20 10:00');
    expect(calendar.addDuration(start, parseDuration('15wd'))).toEqual(calendar.addDuration(start, '15wd'));
  });

  it('rejects a duration it cannot read', () => {
    expect(() => calendar.addDuration(new Date(), '3 days')).toThrow('"3 days" is not a duration');
  });

  it('keeps the local wall time across a DST change in a zone that has one', () => {
    const berlin = new OfficeCalendar({ timeZone: 'Europe/Berlin' });
    const start = local('2026-03-27 10:00', 'Europe/Berlin'); // Friday; clocks go forward on Sunday 29th
    const due = berlin.addDuration(start, '3d');
    expect(show(due, 'Europe/Berlin')).toBe('2026-03-30 10:00:00 Mon');
    expect(due.getTime() - start.getTime()).toBe(71 * 3_600_000);
  });
});

describe('OfficeCalendar: office hours', () => {
  it.each([
    ['2026-04-10 10:00', true, '2026-04-10 10:00:00 Fri', 'open: the instant itself'],
    ['2026-04-10 09:00', true, '2026-04-10 09:00:00 Fri', 'opening time included'],
    ['2026-04-10 18:29:59', true, '2026-04-10 18:29:59 Fri', 'the last second'],
    ['2026-04-10 18:30', false, '2026-04-13 09:00:00 Mon', 'closing time excluded'],
    ['2026-04-10 18:31', false, '2026-04-13 09:00:00 Mon', 'Friday after closing → Monday'],
    ['2026-04-11 12:00', false, '2026-04-13 09:00:00 Mon', 'Saturday → Monday'],
    ['2026-04-13 08:59', false, '2026-04-13 09:00:00 Mon', 'before opening → the same morning'],
    ['2026-05-07 10:00', false, '2026-05-08 09:00:00 Fri', 'a holiday → the next working day'],
    ['2026-03-20 19:00', false, '2026-03-26 09:00:00 Thu', 'Friday evening before Nauryz'],
    ['2026-12-31 19:00', false, '2027-01-05 09:00:00 Tue', 'New Year’s Eve'],
  ])('%s: open %s, deferred to %s (%s)', (at, open, deferred) => {
    const instant = local(at);
    expect(calendar.withinOfficeHours(instant)).toBe(open);
    expect(show(calendar.deferToOfficeHours(instant))).toBe(deferred);
  });

  it('gives the next opening at or after an instant', () => {
    expect(show(calendar.nextOfficeOpening(local('2026-04-10 09:00')))).toBe('2026-04-10 09:00:00 Fri');
    expect(show(calendar.nextOfficeOpening(local('2026-04-10 09:01')))).toBe('2026-04-13 09:00:00 Mon');
  });

  it('uses configured office hours', () => {
    const late = createOfficeCalendar({ officeHours: { opens: '10:00', closes: '17:00' } });
    expect(show(late.deferToOfficeHours(local('2026-04-10 17:00')))).toBe('2026-04-13 10:00:00 Mon');
    expect(late.registrationDate(local('2026-04-10 17:30'))).toBe('2026-04-13');
    expect(show(late.addDuration(local('2026-04-10 10:00'), '1wd'))).toBe('2026-04-13 17:00:00 Mon');
  });
});

describe('OfficeCalendar: options', () => {
  it('takes plain sets of days off and working weekends', () => {
    const custom = new OfficeCalendar({ holidays: ['2026-04-07'], workingWeekends: ['2026-04-11'] });
    expect(custom.coveredYears).toEqual([2026]);
    expect(custom.isWorkingDate('2026-04-07')).toBe(false);
    expect(custom.isWorkingDate('2026-04-11')).toBe(true);
    expect(custom.isWorkingDate('2026-03-23')).toBe(true); // 2026 is covered by these sets alone
  });

  it.each([
    [{ timeZone: 'Asia/Nowhere' }, 'Unknown time zone "Asia/Nowhere"'],
    [{ officeHours: { opens: '9:00', closes: '18:30' } }, 'Invalid office hours 9:00–18:30'],
    [{ officeHours: { opens: '18:30', closes: '09:00' } }, 'Invalid office hours 18:30–09:00'],
    [{ holidays: ['2026-02-30'] }, 'Invalid holidays date(s) 2026-02-30'],
  ])('rejects %j', (options, message) => {
    expect(() => new OfficeCalendar(options)).toThrow(message);
  });

  it('stops on data that leaves no working day rather than looping', () => {
    const dates = Array.from({ length: 100 }, (_, i) => DateTime.fromISO('2026-04-01').plus({ days: i }).toISODate());
    const closed = new OfficeCalendar({ holidays: dates as string[] });
    expect(() => closed.nextWorkingDate('2026-03-31')).toThrow('No working day within 60 days after 2026-03-31');
  });
});

describe('a zone with daylight saving', () => {
  it('keeps its real offsets (only a zone whose offset never changes is computed as a fixed offset)', () => {
    const berlin = new OfficeCalendar({ timeZone: 'Europe/Berlin' });
    expect(berlin.localDate(new Date('2026-10-24T22:30:00Z'))).toBe('2026-10-25'); // 00:30 CEST, UTC+2
    expect(berlin.localDate(new Date('2026-12-24T22:30:00Z'))).toBe('2026-12-24'); // 23:30 CET, UTC+1
  });
});

describe('the fixed-offset fast path (Asia/Atyrau since 2004) agrees with luxon on the IANA zone', () => {
  const from = Date.UTC(2005, 0, 1);
  const span = Date.UTC(2028, 0, 1) - from;
  // A fixed seed: the same instants on every run, spread over the years and the hours of the day.
  let seed = 42;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const instants = Array.from({ length: 3_000 }, () => new Date(from + Math.floor(random() * span)));
  const luxonLocal = (instant: Date) => DateTime.fromJSDate(instant, { zone: ZONE });

  it('local dates', () => {
    for (const instant of instants) expect(calendar.localDate(instant)).toBe(luxonLocal(instant).toISODate());
  });

  it('calendar days keep the local wall time and move off days off', () => {
    for (const instant of instants) {
      const due = luxonLocal(calendar.addDuration(instant, '3d'));
      const plain = luxonLocal(instant).plus({ days: 3 });
      expect(due.toFormat('HH:mm:ss.SSS')).toBe(plain.toFormat('HH:mm:ss.SSS'));
      expect(due >= plain).toBe(true);
      expect(calendar.isWorkingDate(due.toISODate() as string)).toBe(true);
    }
  });

  it('working days end at closing time, openings are at opening time', () => {
    for (const instant of instants) {
      expect(luxonLocal(calendar.addDuration(instant, '15wd')).toFormat('HH:mm')).toBe('18:30');
      const opening = luxonLocal(calendar.nextOfficeOpening(instant));
      expect(opening.toFormat('HH:mm')).toBe('09:00');
      expect(opening.toMillis()).toBeGreaterThanOrEqual(instant.getTime());
    }
  });
});
