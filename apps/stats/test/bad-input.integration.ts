import request from 'supertest';
import { baseUrlOf, fuzzService } from '@akimat/testing';
import { startStats, StatsHarness } from './stats-test-kit';

/** Issue #9 bad-input suite: every HTTP endpoint of stats, fuzzed; never a 5xx, never a crash. */
describe('stats under hostile HTTP input (real PostgreSQL and Kafka)', () => {
  let stats: StatsHarness;

  beforeAll(async () => {
    stats = await startStats();
  });

  afterAll(() => stats?.close());

  it('answers every endpoint with < 500 and a JSON reason for 4xx, and stays live', async () => {
    const range = { from: '2026-01-01T00:00:00Z', to: '2027-01-01T00:00:00Z' };
    const failures = await fuzzService(baseUrlOf(stats.app), {
      validQueries: {
        'GET /api/v1/stats/summary': [range],
        'GET /api/v1/stats/breakdown': [
          { by: 'unit', ...range },
          { by: 'week', ...range },
          { by: 'sector', ...range },
        ],
        'GET /api/v1/stats/report': [{ year: '2026' }, { year: '2026', format: 'csv' }],
        'GET /api/v1/stats/report.html': [{ year: '2026' }],
      },
    });
    expect(failures).toEqual([]);
    await request(stats.http()).get('/health/live').expect(200);
  }, 600_000);
});
