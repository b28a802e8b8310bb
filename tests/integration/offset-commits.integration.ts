import { deadLetterTopic, physicalTopic, TOPICS } from '@akimat/contracts';
import { KafkaProbe, RunningService, waitFor } from '@akimat/testing';
import { effectsOf, registered, startProbeService } from './kit-probe.service';

/**
 * The shared consumer commits handled offsets once per KAFKA_COMMIT_INTERVAL_MS, not after every
 * batch. Here the interval is ten minutes, so every commit seen below came from something else:
 * a dead letter, or closing.
 */
describe('offset commits of the shared consumer (real Kafka, PostgreSQL)', () => {
  const probe = new KafkaProbe();
  const topic = physicalTopic(TOPICS.appealEvents);
  let service: RunningService | undefined;
  let groupId: string;
  const progress = () => probe.groupProgress(groupId, topic);

  beforeAll(async () => {
    service = await startProbeService({ KAFKA_COMMIT_INTERVAL_MS: '600000' });
    groupId = `${service.topicPrefix}kit-probe-server`;
    await probe.record([deadLetterTopic(topic)]);
  });

  afterAll(async () => {
    await service?.close();
    await probe.close();
  });

  it('commits past a dead letter at once, not at the next interval', async () => {
    const poison = registered('poison');
    await probe.produce(topic, poison, poison.subject);
    const parked = await waitFor('the poison event parked', () =>
      probe.on(deadLetterTopic(topic)).find((message) => message.key === poison.subject),
    );
    const partition = Number(parked.headers['dlt-original-partition']);
    await waitFor('the commit past it', async () => {
      const { end, committed } = (await progress()).get(partition) ?? { end: 0, committed: -1 };
      return committed === end;
    });
  });

  it('holds back the commit of handled events until the interval, and commits them when it closes', async () => {
    const events = [registered('housing'), registered('utilities'), registered('roads_transport')];
    for (const event of events) await probe.produce(topic, event, event.subject);
    const running = service as RunningService;
    await waitFor('every event applied', async () =>
      (await Promise.all(events.map((event) => effectsOf(running, event.id)))).every((n) => n === 1),
    );
    const behind = [...(await progress()).values()].filter(({ end, committed }) => committed < end);
    expect(behind.length).toBeGreaterThan(0);

    await running.close();
    service = undefined;
    for (const [partition, { end, committed }] of await progress()) {
      expect({ partition, committed }).toEqual({ partition, committed: end });
    }
  });
});
