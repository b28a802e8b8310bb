import { fromOfficeLocal, officeDateTime, officeTime, officeToday, toOfficeLocal } from './office-time';

describe('the office clock (Asia/Atyrau, UTC+5), whatever the device’s zone', () => {
  it('reads instants on the office clock', () => {
    const at = '2026-11-25T20:30:00.000Z'; // 01:30 on 26 November in the office
    expect(officeTime(at, 'ru')).toBe('01:30');
    expect(officeToday(new Date(at))).toBe('2026-11-26');
    expect(toOfficeLocal(new Date(at))).toBe('2026-11-26T01:30');
    expect(officeDateTime(at, 'ru')).toBe('26.11.2026, 01:30');
    expect(officeDateTime(null, 'ru')).toBe('—');
  });

  it('turns a time typed on the office clock into the instant it means, and back', () => {
    expect(fromOfficeLocal('2026-12-01T09:00')?.toISOString()).toBe('2026-12-01T04:00:00.000Z');
    expect(toOfficeLocal(fromOfficeLocal('2027-03-31T23:45') as Date)).toBe('2027-03-31T23:45');
    expect(fromOfficeLocal('1 December')).toBeUndefined();
  });
});
