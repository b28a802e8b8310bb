import { asStaff, waitFor } from '@akimat/testing';
import { appealTopic, registered, RoutingHarness, startRouting } from './routing-test-kit';

/** The value of one sample in Prometheus text, e.g. metric('events_consumed_total', {type: 'x'}). */
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  const line = text
    .split('\n')
    .find(
      (candidate) =>
        candidate.startsWith(`${name}{`) &&
        Object.entries(labels).every(([key, value]) => candidate.includes(`${key}="${value}"`)),
    );
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
}

describe('routing /metrics: HTTP latency, events, backlog, lag, queue depth, dead letters (real Kafka, PostgreSQL, Redis)', () => {
  let routing: RoutingHarness;
  const metrics = async () => (await asStaff(routing.http()).get('/metrics').expect(200)).text;

  beforeAll(async () => {
    routing = await startRouting();
  });

  afterAll(() => routing?.close());

  it('counts what the service did and shows what is waiting', async () => {
    const event = registered({ category: 'housing' });
    await routing.probe.produce(appealTopic(), event, event.subject);
    await routing.nextPublished('appeal.routed', event.subject);
    await asStaff(routing.http()).get(`/api/v1/assignments/${event.subject}`).expect(200);
    await routing.probe.produce(appealTopic(), 'not an envelope', 'poison');

    const service = 'routing';
    const topic = appealTopic();
    const text = await waitFor('metrics to settle', async () => {
      const current = await metrics();
      const settled =
        sample(current, 'dead_letters_total', { service, topic }) === 1 &&
        sample(current, 'outbox_backlog_events', { service }) === 0 &&
        [0, 1, 2].every(
          (partition) => sample(current, 'kafka_consumer_lag', { service, topic, partition: String(partition) }) === 0,
        );
      return settled && current;
    });

    expect(
      sample(text, 'http_request_duration_seconds_count', {
        service,
        method: 'GET',
        route: '/api/v1/assignments/:appealId',
        status: '200',
      }),
    ).toBe(1);
    expect(sample(text, 'events_consumed_total', { service, type: 'appeal.registered', outcome: 'applied' })).toBe(1);
    expect(sample(text, 'events_produced_total', { service, type: 'appeal.routed' })).toBe(1);
    expect(sample(text, 'outbox_oldest_unsent_age_seconds', { service })).toBe(0);
    // The brief- and full-answer clocks with their reminders wait as delayed jobs.
    expect(
      sample(text, 'bullmq_queue_jobs', { service, queue: 'deadline-clocks', state: 'delayed' }),
    ).toBeGreaterThanOrEqual(2);
  });
});
