import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createOfficeCalendar, createOfficeCalendarFromEnv, officeCalendarEnvSchema } from './create-office-calendar';

/** The official Kurban Ait 2026 a decree might set a day earlier, and a 2028 with a transfer. */
const overrides = [
  {
    year: 2026,
    daysOff: [{ date: '2026-05-26', name: 'Kurban Ait (first day), per the decree' }],
  },
  {
    year: 2028,
    daysOff: [
      { date: '2028-01-03', name: 'New Year (moved)' },
      { date: '2028-01-04', name: 'New Year (moved)' },
    ],
    workingWeekends: [{ date: '2028-01-08', name: 'transfer' }],
  },
];

describe('createOfficeCalendar', () => {
  const holidayFile = join(mkdtempSync(join(tmpdir(), 'office-calendar-')), 'holidays.json');
  writeFileSync(holidayFile, JSON.stringify(overrides));

  it('uses the bundled years by default', () => {
    const calendar = createOfficeCalendar();
    expect(calendar.coveredYears).toEqual([2025, 2026, 2027]);
    expect(calendar.timeZone).toBe('Asia/Atyrau');
    expect(calendar.officeHours).toEqual({ opens: '09:00', closes: '18:30' });
    expect(calendar.isWorkingDate('2026-05-27')).toBe(false);
  });

  it('lets a holiday file replace a year whole and add another', () => {
    const calendar = createOfficeCalendar({ holidayFile });
    expect(calendar.coveredYears).toEqual([2025, 2026, 2027, 2028]);
    expect(calendar.isWorkingDate('2026-05-26')).toBe(false);
    expect(calendar.isWorkingDate('2026-05-27')).toBe(true); // the bundled 2026 is gone whole…
    expect(calendar.isWorkingDate('2026-03-23')).toBe(true); // …Nauryz with it: a file holds the full year
    expect(calendar.isWorkingDate('2027-03-22')).toBe(false); // other years stay
    expect(calendar.isWorkingDate('2028-01-08')).toBe(true);
  });

  it('applies years given in code after the file', () => {
    const calendar = createOfficeCalendar({
      holidayFile,
      holidayYears: [{ year: 2028, daysOff: [], workingWeekends: [] }],
    });
    expect(calendar.isWorkingDate('2028-01-03')).toBe(true);
    expect(calendar.isWorkingDate('2028-01-08')).toBe(false);
  });
});

describe('officeCalendarEnvSchema', () => {
  it('defaults to Atyrau, 09:00–18:30 and the bundled data', () => {
    const env = officeCalendarEnvSchema.parse({});
    expect(env).toEqual({
      OFFICE_TIME_ZONE: 'Asia/Atyrau',
      OFFICE_OPENS: '09:00',
      OFFICE_CLOSES: '18:30',
    });
    expect(createOfficeCalendarFromEnv(env).coveredYears).toEqual([2025, 2026, 2027]);
  });

  it('builds the calendar from configured values', () => {
    const calendar = createOfficeCalendarFromEnv(
      officeCalendarEnvSchema.parse({
        OFFICE_TIME_ZONE: 'Asia/Almaty',
        OFFICE_OPENS: '08:30',
        OFFICE_CLOSES: '17:00',
      }),
    );
    expect(calendar.timeZone).toBe('Asia/Almaty');
    expect(calendar.officeHours).toEqual({ opens: '08:30', closes: '17:00' });
  });

  it.each([
    [{ OFFICE_TIME_ZONE: 'UTC+5' }, 'OFFICE_TIME_ZONE', 'must be an IANA time zone'],
    [{ OFFICE_OPENS: '9:00' }, 'OFFICE_OPENS', 'must be a 24-hour local time HH:mm'],
    [{ OFFICE_CLOSES: '18.30' }, 'OFFICE_CLOSES', 'must be a 24-hour local time HH:mm'],
  ])('rejects %j with a message on the variable', (input, variable, message) => {
    const result = officeCalendarEnvSchema.safeParse(input);
    expect(result.error?.issues).toEqual([
      expect.objectContaining({
        path: [variable],
        message: expect.stringContaining(message),
      }),
    ]);
  });
});
