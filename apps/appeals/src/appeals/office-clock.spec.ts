import { ServiceConfig } from '@akimat/service-kit';
import { AppealsEnv } from '../app/appeals-env.schema';
import { OfficeClock } from './office-clock';

const config = { OFFICE_TIME_ZONE: 'Asia/Atyrau', OFFICE_OPENS: '09:00', OFFICE_CLOSES: '18:30' } as ServiceConfig<AppealsEnv>;

describe('OfficeClock.registrationDate (Art. 64: same day, or the next working day after hours)', () => {
  const clock = new OfficeClock(config);

  it.each([
    ['a Friday afternoon in Atyrau', '2026-11-27T13:29:59Z', '2026-11-27'],
    ['that Friday at closing time, 18:30 local', '2026-11-27T13:30:00Z', '2026-11-30'],
    ['a Saturday', '2026-11-28T06:00:00Z', '2026-11-30'],
    ['Independence Day, 16 December', '2026-12-16T06:00:00Z', '2026-12-17'],
    ['late on 31 December: 1 January, then 2 January (a Saturday) moves its day off to Monday 4th', '2026-12-31T15:00:00Z', '2027-01-05'],
  ])('%s → %s', (_, receivedAt, expected) => {
    expect(clock.registrationDate(new Date(receivedAt))).toBe(expected);
  });

  it('answers every instant of one minute alike, also when asked twice', () => {
    expect(clock.registrationDate(new Date('2026-11-27T13:30:10Z'))).toBe('2026-11-30');
    expect(clock.registrationDate(new Date('2026-11-27T13:30:59Z'))).toBe('2026-11-30');
    expect(clock.registrationDate(new Date('2026-11-27T13:29:30Z'))).toBe('2026-11-27');
  });
});
