import { Kafka, logLevel } from 'kafkajs';
import { deadLetterTopic, physicalTopic, TOPICS } from '@akimat/contracts';
import { KafkaProbe, queryRows, RunningService, waitFor } from '@akimat/testing';
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
    const admin = new Kafka({ brokers: (process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092').split(','), logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    const metadata = await admin.fetchTopicMetadata({ topics: [topic, deadLetterTopic(topic)] }).finally(() => admin.disconnect());
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

    await waitFor('the event behind it handled', async () =>
      (await queryRows(service.databaseUrl, 'SELECT 1 FROM processed_events WHERE event_id = $1', [healthy.id])).length === 1,
    );
    // The failed attempts rolled back their processed-event rows.
    expect(await queryRows(service.databaseUrl, 'SELECT 1 FROM processed_events WHERE event_id = $1', [poison.id])).toHaveLength(0);
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
});
