import { randomUUID } from 'node:crypto';
import { deadLetterTopic, physicalTopic, TOPICS } from '@akimat/contracts';
import { KafkaProbe, queryRows, waitFor } from '@akimat/testing';
import { event, StatsHarness, startStats } from './stats-test-kit';

/**
 * Live counting applies a Kafka batch set-based: the batch's event ids with one statement, then each
 * kind of fact with one statement, all in one transaction. These tests break that transaction
 * halfway and run two instances, and count what came out.
 */
describe('stats: set-based batches count each event once (real PostgreSQL and Kafka)', () => {
  let stats: StatsHarness;
  const probe = new KafkaProbe();
  const dlt = deadLetterTopic(physicalTopic(TOPICS.appealEvents));
  // One key, so that every visit lands in one partition and the consumer gets them as one batch.
  const key = randomUUID();
  const visits = (service: string, n: number) =>
    Array.from({ length: n }, () => {
      const visitId = randomUUID();
      return event(
        'service.rendered',
        { visitId, sector: 'social', service, renderedAt: '2026-06-01T05:00:00.000Z' },
        key,
      );
    });
  const counted = async (service: string) =>
    Number(
      (
        await queryRows<{ n: string }>(
          stats.databaseUrl,
          'SELECT count(*) AS n FROM service_facts WHERE service = $1',
          [service],
        )
      )[0].n,
    );

  beforeAll(async () => {
    stats = await startStats();
    await probe.record([dlt]);
    // A fact the database refuses: the batch's fact statement fails after its ids were recorded.
    await queryRows(
      stats.databaseUrl,
      `CREATE FUNCTION refuse_poison() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN RAISE EXCEPTION 'poison visit refused'; END $$;
       CREATE TRIGGER refuse_poison BEFORE INSERT ON service_facts
         FOR EACH ROW WHEN (NEW.service = 'poison') EXECUTE FUNCTION refuse_poison()`,
    );
  });

  afterAll(async () => {
    await probe.close();
    await stats?.close();
  });

  it('rolls a batch back when it fails halfway, then counts each event of it once, duplicates included', async () => {
    const good = visits('benefit', 200);
    const [poison] = visits('poison', 1);
    await stats.produce([...good.slice(0, 100), poison, ...good.slice(100), ...good]);
    await stats.consumed();
    expect(await counted('benefit')).toBe(200);
    const handled = await queryRows(stats.databaseUrl, 'SELECT 1 FROM processed_events WHERE event_id = $1', [
      poison.id,
    ]);
    expect(handled).toEqual([]);
    const parked = await waitFor('the poison visit on the dead-letter topic', () =>
      probe.on(dlt).find((message) => message.json<{ id: string }>().id === poison.id),
    );
    expect(parked.headers['dlt-failure']).toBe('handler-failed');
  });

  it('counts nothing twice when two instances share the group and every event comes again', async () => {
    await stats.produce(visits('pension', 500));
    await stats.consumed();
    await stats.restart(() => stats.forgetOffsets());
    const second = await stats.secondInstance();
    try {
      await stats.produce(visits('pension', 500));
      await stats.consumed(120_000);
      expect(await counted('benefit')).toBe(200);
      expect(await counted('pension')).toBe(1000);
    } finally {
      await second.close();
    }
  });
});
