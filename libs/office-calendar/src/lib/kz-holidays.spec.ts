import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUNDLED_HOLIDAY_YEARS, holidayYearSchema, loadHolidayFile, statutoryHolidayYear } from './kz-holidays';

/** Weekday by the platform's own Date, not luxon, as a second opinion on the data's arithmetic. */
const weekday = (isoDate: string) =>
  new Date(`${isoDate}T12:00:00Z`).toLocaleDateString('en-US', {
    weekday: 'long',
    timeZone: 'UTC',
  });

describe('bundled Kazakhstan holiday data', () => {
  it('covers 2025, 2026 and 2027', () => {
    expect(BUNDLED_HOLIDAY_YEARS.map((year) => year.year)).toEqual([2025, 2026, 2027]);
  });

  describe.each(BUNDLED_HOLIDAY_YEARS.map((year) => [year.year, year] as const))('%d', (_, data) => {
    const kurbanAit = data.daysOff.find((entry) => entry.name.startsWith('Kurban Ait'))?.date;

    it('holds exactly the days off that follow from the law, plus the yearly transfers', () => {
      expect(kurbanAit).toBeDefined();
      const statutory = statutoryHolidayYear(data.year, kurbanAit).daysOff;
      expect(data.daysOff.filter((entry) => entry.kind !== 'transfer')).toEqual(statutory);
    });

    it('moves each weekend holiday to a weekday, and names the weekday right', () => {
      for (const entry of data.daysOff.filter((e) => e.kind === 'moved')) {
        const from = entry.movedFrom as string;
        expect(['Saturday', 'Sunday']).toContain(weekday(from));
        expect(['Saturday', 'Sunday']).not.toContain(weekday(entry.date));
        expect(entry.name).toContain(`${from}, a ${weekday(from)}`);
        expect(entry.date > from).toBe(true);
      }
    });

    it('lists each date once, in date order, each transfer with its working weekend', () => {
      const dates = data.daysOff.map((entry) => entry.date);
      expect(new Set(dates).size).toBe(dates.length);
      expect([...dates].sort()).toEqual(dates);
      const transfers = data.daysOff.filter((entry) => entry.kind === 'transfer');
      expect(data.workingWeekends).toHaveLength(transfers.length);
    });
  });

  it('has the 2025 transfer: Friday 3 January off for Sunday 5 January', () => {
    const data2025 = BUNDLED_HOLIDAY_YEARS[0];
    expect(data2025.daysOff).toContainEqual(expect.objectContaining({ date: '2025-01-03', kind: 'transfer' }));
    expect(data2025.workingWeekends.map((entry) => entry.date)).toEqual(['2025-01-05']);
    expect([weekday('2025-01-03'), weekday('2025-01-05')]).toEqual(['Friday', 'Sunday']);
  });
});

describe('statutoryHolidayYear', () => {
  it('moves a second weekend day of a holiday past the first one already moved', () => {
    // Nauryz 2026: Saturday 21, Sunday 22, Monday 23 → Tuesday 24 and Wednesday 25 off.
    const moved = statutoryHolidayYear(2026).daysOff.filter((entry) => entry.kind === 'moved');
    expect(moved.filter((e) => e.date.startsWith('2026-03-2')).map((e) => [e.movedFrom, e.date])).toEqual([
      ['2026-03-21', '2026-03-24'],
      ['2026-03-22', '2026-03-25'],
    ]);
  });

  it('skips a religious holiday when it moves a day off', () => {
    // 1 and 2 January 2022 were Saturday and Sunday; a Kurban Ait given on Monday 3rd pushes both on.
    const moved = statutoryHolidayYear(2022, '2022-01-03').daysOff.filter((entry) => entry.kind === 'moved');
    expect(moved.filter((e) => e.movedFrom?.startsWith('2022-01')).map((e) => e.date)).toEqual([
      '2022-01-04',
      '2022-01-05',
    ]);
  });
});

describe('holiday files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'office-calendar-'));
  const write = (name: string, content: unknown) => {
    const path = join(dir, name);
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
    return path;
  };

  it('reads one year or an array of years', () => {
    const year = {
      year: 2028,
      daysOff: [{ date: '2028-01-01', name: 'New Year' }],
    };
    expect(loadHolidayFile(write('one.json', year))).toEqual([{ ...year, workingWeekends: [] }]);
    expect(loadHolidayFile(write('many.json', [year, { ...year, year: 2029, daysOff: [] }]))).toHaveLength(2);
  });

  it.each([
    ['not JSON', '{"year": 2026,', /Cannot read the holiday file .*bad\.json/],
    ['a date of another year', { year: 2026, daysOff: [{ date: '2027-01-01', name: 'x' }] }, /must be in 2026/],
    ['an impossible date', { year: 2026, daysOff: [{ date: '2026-02-30', name: 'x' }] }, /YYYY-MM-DD/],
    [
      'a working weekday',
      {
        year: 2026,
        daysOff: [],
        workingWeekends: [{ date: '2026-04-08', name: 'x' }],
      },
      /Saturday or a Sunday/,
    ],
    ['a misspelt key', { year: 2026, dayOff: [] }, /dayOff/],
  ])('rejects %s, naming the file and the problem', (_, content, message) => {
    const path = write('bad.json', content);
    expect(() => loadHolidayFile(path)).toThrow(message);
    expect(() => loadHolidayFile(path)).toThrow(path);
  });

  it('reports a missing file', () => {
    expect(() => loadHolidayFile(join(dir, 'missing.json'))).toThrow(/Cannot read the holiday file .*ENOENT/);
  });

  it('keeps the schema strict about a day being both off and working', () => {
    const result = holidayYearSchema.safeParse({
      year: 2026,
      daysOff: [{ date: '2026-04-11', name: 'x' }],
      workingWeekends: [{ date: '2026-04-11', name: 'y' }],
    });
    expect(result.success).toBe(false);
  });
});
