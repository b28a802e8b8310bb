import { accessPolicyOf, accessViolations, actingAs, asStaff, baseUrlOf, fuzzService } from '@akimat/testing';
import { startStats, StatsHarness } from './stats-test-kit';
import { AppModule } from '../src/app/app.module';

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
      validHeaders: actingAs('Fuzzer'),
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
    await asStaff(stats.http()).get('/health/live').expect(200);
  }, 600_000);
  it('lets in only the roles each endpoint declares: 403 for other roles, 401 for no, expired, forged or unsigned tokens', async () => {
    expect(await accessViolations(baseUrlOf(stats.app), accessPolicyOf(AppModule))).toEqual([]);
  }, 120_000);
});
