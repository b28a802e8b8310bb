import { clockEventId, clockJobId, fireJob, uuidV5 } from './clock-job';

describe('clock jobs', () => {
  const clock = {
    id: '42',
    appealId: '0b9a4c1e-5f0b-4b8e-9c67-0d3c5ad1c2f1',
    kind: 'full_answer' as const,
    reminder: '80%',
    dueAt: new Date('2026-12-15T13:30:00Z'),
    fireAt: new Date('2026-12-11T09:00:00Z'),
  };

  it('computes RFC 4122 version-5 uuids (the RFC example name in the URL namespace)', () => {
    expect(uuidV5('http://example.com')).toBe('8c9ddcb0-8084-5a7f-a988-1095ab18b5df');
  });

  it('gives a clock the same event id however often it is computed, and another clock another', () => {
    expect(clockEventId(clock)).toBe(clockEventId({ ...clock }));
    expect(clockEventId({ ...clock, reminder: '50%' })).not.toBe(clockEventId(clock));
    expect(clockEventId({ ...clock, dueAt: new Date('2027-01-15T13:30:00Z') })).not.toBe(clockEventId(clock));
  });

  it('schedules a job named after the clock row, with the delay left and nothing else', () => {
    const job = fireJob(clock, clock.fireAt.getTime() - 5_000);
    expect(clockJobId(clock)).toBe('c42');
    expect(job).toEqual({ name: 'fire', data: {}, opts: { jobId: 'c42', delay: 5_000 } });
    expect(fireJob(clock, clock.fireAt.getTime() + 60_000).opts.delay).toBe(0);
  });
});
