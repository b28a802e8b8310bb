import { dueStatus } from './due-status';

describe('dueStatus', () => {
  const now = new Date('2026-03-10T08:00:00.000Z');

  it('is overdue once the due time has passed', () => {
    expect(dueStatus('2026-03-10T07:59:59.000Z', now)).toBe('overdue');
    expect(dueStatus('2026-03-01T00:00:00.000Z', now)).toBe('overdue');
  });

  it('is due soon within the next 24 hours, the due moment included', () => {
    expect(dueStatus('2026-03-10T08:00:00.000Z', now)).toBe('soon');
    expect(dueStatus('2026-03-11T08:00:00.000Z', now)).toBe('soon');
  });

  it('is fine further ahead', () => {
    expect(dueStatus('2026-03-11T08:00:01.000Z', now)).toBe('ok');
    expect(dueStatus('2026-04-01T00:00:00.000Z', now)).toBe('ok');
  });

  it('has nothing to say when no answer is owed', () => {
    expect(dueStatus(null, now)).toBe('none');
    expect(dueStatus(undefined, now)).toBe('none');
    expect(dueStatus('not a date', now)).toBe('none');
  });
});
