import { AddressInfo } from 'node:net';
import { actingAs, asStaff, queryRows, RunningService, startServiceForTest, waitFor } from '@akimat/testing';
// The acceptance drives the office's real front door: the appeals service records the visits.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { AppModule as AppealsModule } from '../../appeals/src/app/app.module';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { appealsEnvSchema } from '../../appeals/src/app/appeals-env.schema';
import { BRIEF_SERVICES, BRIEF_TOTAL, UNITEMISED_VISIT, Visit, yearOfVisits } from './stats-fixtures';
import { StatsHarness, startStats } from './stats-test-kit';

/** A past year: the appeals API refuses visits rendered in the future. */
const YEAR = 2025;
const IN_FLIGHT = 16;

/**
 * Acceptance (issue #8): the brief's year of walk-in services, recorded one visit per request through
 * the appeals service's HTTP API, published by its outbox onto real Kafka and counted by stats, gives
 * exactly the brief's figures. The article itemises 5711 visits; its headline total of 5712 also
 * counts the sectors it names without figures, so the one remaining visit is recorded as social.
 */
describe('acceptance: the annual report of the brief’s year, recorded through the appeals API', () => {
  let appeals: RunningService;
  let stats: StatsHarness;

  beforeAll(async () => {
    // Appeals first: each start sets the process environment, and the stats harness restarts from it.
    appeals = await startServiceForTest({
      serviceName: 'appeals',
      envSchema: appealsEnvSchema,
      appModule: AppealsModule,
    });
    stats = await startStats();
  });

  afterAll(async () => {
    await stats?.close();
    await appeals?.close();
  });

  /** Posts every visit, IN_FLIGHT at a time, over keep-alive connections; every answer must be 201. */
  async function record(visits: Visit[]): Promise<void> {
    const { port } = appeals.app.getHttpServer().address() as AddressInfo;
    const headers = { 'content-type': 'application/json', ...actingAs('Ақмарал Маман', 'ЦОН маманы') };
    let next = 0;
    const worker = async () => {
      while (next < visits.length) {
        const visit = visits[next++];
        const response = await fetch(`http://127.0.0.1:${port}/api/v1/service-visits`, {
          method: 'POST',
          headers,
          body: JSON.stringify(visit),
        });
        if (response.status !== 201) throw new Error(`${response.status}: ${await response.text()}`);
      }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  }

  it('gives each sector’s figure, EDS 1553, certificates 1311 and the total 5712 in JSON, CSV and the page', async () => {
    const visits = yearOfVisits(YEAR, [...BRIEF_SERVICES, UNITEMISED_VISIT]);
    expect(visits).toHaveLength(BRIEF_TOTAL);
    await record(visits);
    await waitFor('the appeals outbox published every visit', async () => {
      const [{ n }] = await queryRows<{ n: string }>(
        appeals.databaseUrl,
        'SELECT count(*) AS n FROM outbox_events WHERE sent_at IS NULL',
      );
      return Number(n) === 0 || undefined;
    });
    await stats.consumed(120_000);

    const { body } = await asStaff(stats.http()).get(`/api/v1/stats/report?year=${YEAR}`).expect(200);
    expect(body.services.total).toBe(5712);
    expect([...body.services.bySector].sort((a, b) => a.sector.localeCompare(b.sector))).toEqual([
      { sector: 'agriculture', total: 79, services: { machinery_inspection: 79 } },
      { sector: 'housing', total: 1128, services: { housing_advice: 1128 } },
      { sector: 'land_architecture', total: 1640, services: { land_plot: 1640 } },
      { sector: 'self_service', total: 2864, services: { eds: 1553, certificate: 1311 } },
      { sector: 'social', total: 1, services: { social_assistance: 1 } },
    ]);
    const csv = await asStaff(stats.http())
      .get(`/api/v1/stats/report?year=${YEAR}`)
      .set('Accept', 'text/csv')
      .expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    for (const line of [
      'services,self_service,eds,1553',
      'services,self_service,certificate,1311',
      'services,self_service,total,2864',
      'services,housing,total,1128',
      'services,land_architecture,total,1640',
      'services,agriculture,total,79',
      'services,social,total,1',
      'services,total,,5712',
    ]) {
      expect(csv.text).toContain(`${line}\r\n`);
    }
    const page = await asStaff(stats.http()).get(`/api/v1/stats/report.html?year=${YEAR}`).expect(200);
    expect(page.text).toContain('Walk-in services: 5712');
    const [{ n }] = await queryRows<{ n: string }>(stats.databaseUrl, 'SELECT count(*) AS n FROM processed_events');
    expect(Number(n)).toBe(5712);
  }, 240_000); // 5,712 audited POSTs and their events on a 2-core machine shared with the rest of CI
});
