import { Kafka, logLevel } from 'kafkajs';
import { deadLetterTopic, physicalTopic, TOPICS } from '@akimat/contracts';
import { KafkaProbe, processedEvents, queryRows, RunningService, waitFor } from '@akimat/testing';
import { ProbeConsumer, registered, startProbeService } from './kit-probe.service';

describe('event plumbing on the pinned Kafka broker (kafkajs, real PostgreSQL)', () => {
  let service: RunningService;
  const probe = new KafkaProbe();
  const topic = physicalTopic(TOPICS.appealEvents);

  beforeAll(async () => {
    // The shared consumer runs in a Nest app, exactly as the services use it.
    service = await startProbeService();
    await probe.record([deadLetterTopic(topic)]);
  });

  afterAll(async () => {
    await probe.close();
    await service?.close();
  });

  it('creates the topics and their dead-letter twins with the configured partitions', async () => {
    const admin = new Kafka({
      brokers: (process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092').split(','),
      logLevel: logLevel.NOTHING,
    }).admin();
    await admin.connect();
    const metadata = await admin
      .fetchTopicMetadata({ topics: [topic, deadLetterTopic(topic)] })
      .finally(() => admin.disconnect());
    expect(metadata.topics.map((t) => t.partitions.length)).toEqual([3, 3]);
  });

  it('parks an event whose handler keeps failing after the configured attempts, and moves on', async () => {
    const poison = registered('poison');
    const healthy = { ...registered('housing'), subject: poison.subject };
    await probe.produce(topic, poison, poison.subject);
    await probe.produce(topic, healthy, poison.subject); // same key: queued behind the poison

    const parked = await waitFor('the poison event on the dead-letter topic', () =>
      probe.on(deadLetterTopic(topic)).find((message) => message.key === poison.subject),
    );
    expect(parked.headers['dlt-failure']).toBe('handler-failed');
    expect(parked.headers['dlt-attempts']).toBe('3');
    expect(parked.headers['dlt-reason']).toContain('handler cannot cope');
    expect(parked.json<{ id: string }>().id).toBe(poison.id);
    expect(ProbeConsumer.attempts.get(poison.id)).toBe(3);

    await waitFor(
      'the event behind it handled',
      async () =>
        (await queryRows(service.databaseUrl, 'SELECT 1 FROM processed_events WHERE event_id = $1', [healthy.id]))
          .length === 1,
    );
    // The failed attempts rolled back their processed-event rows.
    expect(
      await queryRows(service.databaseUrl, 'SELECT 1 FROM processed_events WHERE event_id = $1', [poison.id]),
    ).toHaveLength(0);
  });

  it('commits offsets once events are handled (the group catches up)', async () => {
    const group = `${service.topicPrefix}kit-probe-server`;
    const event = registered('housing');
    await probe.produce(topic, event, event.subject);
    await probe.waitUntilConsumed(group, [topic]);
    expect(ProbeConsumer.attempts.get(event.id)).toBe(1);

    // Right after a commit the next batch's commit waits for the interval (1 s); with nothing
    // arriving after it, the timer commits it.
    const next = registered('housing');
    await probe.produce(topic, next, next.subject);
    await probe.waitUntilConsumed(group, [topic], 5_000);
    expect(ProbeConsumer.attempts.get(next.id)).toBe(1);
  });

  const processed = (events: { id: string }[]) => processedEvents(service.databaseUrl, events);

  it('records a batch of new events together, in the transaction of their effects', async () => {
    const batch = [registered('housing'), registered('housing'), registered('housing')];
    // One request, one key: the consumer fetches them as one batch.
    await probe.produceAll(
      topic,
      batch.map((value) => ({ value, key: 'one-partition' })),
    );
    await waitFor('the batch handled', async () => ((await processed(batch)).length === 3 ? true : undefined));
    const rows = await processed(batch);
    expect(new Set(rows.map((row) => row.xmin)).size).toBe(1);
    const [effects] = await queryRows<{ xmin: string; n: string }>(
      service.databaseUrl,
      'SELECT min(xmin::text) AS xmin, count(*) AS n FROM probe_effects WHERE event_id = ANY($1::uuid[])',
      [batch.map((event) => event.id)],
    );
    expect(effects).toEqual({ xmin: rows[0].xmin, n: '3' });
  });

  it('applies a batch holding an event handled before, or one event twice, once per event', async () => {
    const before = registered('housing');
    await probe.produce(topic, before, 'one-partition');
    await waitFor('the first delivery handled', async () =>
      (await processed([before])).length === 1 ? true : undefined,
    );

    const [first, second] = [registered('housing'), registered('housing')];
    await probe.produceAll(
      topic,
      [first, before, second, first].map((value) => ({ value, key: 'one-partition' })),
    );
    await waitFor('the new events handled', async () =>
      (await processed([first, second])).length === 2 ? true : undefined,
    );
    await probe.waitUntilConsumed(`${service.topicPrefix}kit-probe-server`, [topic]);
    for (const event of [before, first, second]) {
      const [row] = await queryRows<{ n: string }>(
        service.databaseUrl,
        'SELECT count(*) AS n FROM probe_effects WHERE event_id = $1',
        [event.id],
      );
      expect({ event: event.id, effects: row.n }).toEqual({ event: event.id, effects: '1' });
    }
  });
});
