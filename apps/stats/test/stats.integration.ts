import { asStaff, queryRows } from '@akimat/testing';
import { rebuildStats } from '../src/rebuild/stats-rebuild';
import { BRIEF_SERVICES, briefYearOfServices, THREE_APPEALS_FIGURES, threeAppeals } from './stats-fixtures';

import { event, StatsHarness, startStats } from './stats-test-kit';

/** Walk-in visits of the fixture, produced straight onto the topic; the acceptance test records them over HTTP. */
const BRIEF_VISITS = BRIEF_SERVICES.reduce((sum, [, , n]) => sum + n, 0);

describe('stats: exact figures from the event stream (real PostgreSQL and Kafka)', () => {
  let stats: StatsHarness;
  const { routing, appeals } = threeAppeals();

  const summary = async () => (await asStaff(stats.http()).get('/api/v1/stats/summary').expect(200)).body;
  const report = async (year = 2026) =>
    (await asStaff(stats.http()).get(`/api/v1/stats/report?year=${year}`).expect(200)).body;
  /** Every figure the API gives, for before/after comparisons. */
  const everything = async () => {
    const breakdowns = [];
    for (const by of ['unit', 'category', 'locality', 'channel', 'session', 'official', 'month', 'sector']) {
      breakdowns.push((await asStaff(stats.http()).get(`/api/v1/stats/breakdown?by=${by}`).expect(200)).body);
    }
    return { summary: await summary(), report: await report(), breakdowns };
  };

  beforeAll(async () => {
    stats = await startStats();
  });

  afterAll(() => stats?.close());

  it('counts walk-in services from service.rendered by sector and service, in their Atyrau year', async () => {
    await stats.produce(briefYearOfServices());
    await stats.consumed(120_000);
    const { services } = await report();
    expect(services.total).toBe(BRIEF_VISITS);
    expect(services.bySector).toEqual(
      expect.arrayContaining([
        { sector: 'self_service', total: 2864, services: { eds: 1553, certificate: 1311 } },
        { sector: 'housing', total: 1128, services: { housing_advice: 1128 } },
        { sector: 'land_architecture', total: 1640, services: { land_plot: 1640 } },
        { sector: 'agriculture', total: 79, services: { machinery_inspection: 79 } },
      ]),
    );
    expect((await report(2025)).services.total).toBe(0);
  });

  it('converges whatever the order across topics, and duplicates change nothing', async () => {
    // Routing's events first, then the appeal topic backwards: answers and ratings before registration.
    await stats.produce([...routing, ...[...appeals].reverse()]);
    await stats.produce([...routing, ...appeals]);
    await stats.consumed();
    expect(await summary()).toMatchObject(THREE_APPEALS_FIGURES);
    const [{ n }] = await queryRows<{ n: string }>(stats.databaseUrl, 'SELECT count(*) AS n FROM processed_events');
    expect(Number(n)).toBe(BRIEF_VISITS + routing.length + appeals.length);
  });

  it('filters by period and breaks down by locality, official and Atyrau month', async () => {
    const april = (
      await asStaff(stats.http())
        .get('/api/v1/stats/summary?from=2026-04-01T00:00:00Z&to=2026-05-01T00:00:00Z')
        .expect(200)
    ).body;
    expect(april).toMatchObject({ registered: 1, reassigned: 1, deadlinesMissed: 1, byCategory: { land: 1 } });
    const { body: byLocality } = await asStaff(stats.http()).get('/api/v1/stats/breakdown?by=locality').expect(200);
    expect(byLocality.rows.find((r: { key: string }) => r.key === 'Бейбарыс ауылы')).toMatchObject({
      registered: 1,
      openNow: 1,
    });
    const { body: byOfficial } = await asStaff(stats.http()).get('/api/v1/stats/breakdown?by=official').expect(200);
    expect(byOfficial.rows.find((r: { key: string }) => r.key === 'Аким')).toMatchObject({ registered: 1 });
    const { body: byMonth } = await asStaff(stats.http()).get('/api/v1/stats/breakdown?by=month').expect(200);
    expect(byMonth.rows.map((r: { key: string; registered: number }) => [r.key, r.registered])).toEqual(
      expect.arrayContaining([
        ['2026-03-01', 1],
        ['2026-04-01', 1],
        ['2026-05-01', 1],
      ]),
    );
    await asStaff(stats.http()).get('/api/v1/stats/breakdown?by=resident').expect(400);
  });

  it('counts nothing twice when a crash loses the committed offsets and every event comes again', async () => {
    const before = await everything();
    await stats.restart(() => stats.forgetOffsets());
    await stats.consumed(120_000);
    expect(await everything()).toEqual(before);
  });

  it('rebuilds from the topics into empty tables, with identical figures, while the API answers and live goes on', async () => {
    const before = await everything();
    const answers: number[] = [];
    let rebuilding = true;
    const polling = (async () => {
      while (rebuilding) {
        answers.push((await asStaff(stats.http()).get('/api/v1/stats/summary')).status);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    const lines: string[] = [];
    const result = await rebuildStats({
      databaseUrl: stats.databaseUrl,
      brokers: (process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092').split(','),
      topicPrefix: process.env['KAFKA_TOPIC_PREFIX'] ?? '',
      progress: (line) => lines.push(line),
    }).finally(() => (rebuilding = false));
    await polling;
    expect(result.applied).toBe(BRIEF_VISITS + routing.length + appeals.length);
    expect(lines.at(-1)).toMatch(/^done: /);
    expect(answers.length).toBeGreaterThan(0);
    expect(answers.every((status) => status === 200)).toBe(true);
    expect(await everything()).toEqual(before);

    // The live consumer now writes into the swapped-in tables.
    const visit = event(
      'service.rendered',
      { visitId: crypto.randomUUID(), sector: 'social', service: 'benefit', renderedAt: '2027-02-01T05:00:00.000Z' },
      'v',
    );
    await stats.produce([visit]);
    await stats.consumed();
    expect((await report(2027)).services).toEqual({
      total: 1,
      bySector: [{ sector: 'social', total: 1, services: { benefit: 1 } }],
    });
  });
});
