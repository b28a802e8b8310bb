import { periodKey, yearRange } from './periods';

describe(periodKey.name, () => {
  it('puts an instant before midnight UTC but after midnight in Atyrau (UTC+5) on the Atyrau day', () => {
    expect(periodKey('2026-03-01T20:30:00.000Z', 'day')).toBe('2026-03-02');
    expect(periodKey('2026-03-01T18:59:59.999Z', 'day')).toBe('2026-03-01');
  });

  it('starts weeks on Monday, months and years on the first, all in Atyrau', () => {
    expect(periodKey('2026-03-04T10:00:00.000Z', 'week')).toBe('2026-03-02');
    expect(periodKey('2026-01-31T19:00:00.000Z', 'month')).toBe('2026-02-01');
    expect(periodKey('2025-12-31T19:00:00.000Z', 'year')).toBe('2026-01-01');
    expect(periodKey('2025-12-31T18:59:59.000Z', 'year')).toBe('2025-01-01');
  });
});

describe(yearRange.name, () => {
  it('gives the Atyrau calendar year as UTC instants, end exclusive', () => {
    expect(yearRange(2026)).toEqual({ from: '2025-12-31T19:00:00.000Z', to: '2026-12-31T19:00:00.000Z' });
  });
});
