import { randomBytes } from 'node:crypto';
import { actingAs, queryRows, testDatabaseUrl, waitFor } from '@akimat/testing';
import { cleanUpRun, inspectWhenConverged } from './appeal-ledger';
import { AppealsClient } from './appeals-client';
import { SmsGateway } from './sms-gateway';
import { eventTopics, ServiceName, ServiceProcess, SERVICES, startServiceProcess } from './service-processes';

const topicPrefix = `e2e-scale-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}.`;
const topics = eventTopics(topicPrefix);
const APPEALS = 60;
const RACED = 6;

/** Sum of `events_consumed_total{…outcome="applied"}` on one instance's /metrics. */
async function eventsApplied(service: ServiceProcess): Promise<number> {
  const text = await (
    await fetch(`${service.url}/metrics`, { headers: actingAs('Prometheus', undefined, { roles: ['ops'] }) })
  ).text();
  return text
    .split('\n')
    .filter((line) => line.startsWith('events_consumed_total{') && line.includes('outcome="applied"'))
    .reduce((sum, line) => sum + Number(line.split(' ').pop()), 0);
}

describe('scale-out: two instances of every service (separate processes, one database, group and queue prefix each)', () => {
  const running = Object.fromEntries(SERVICES.map((name) => [name, [] as ServiceProcess[]])) as Record<
    ServiceName,
    ServiceProcess[]
  >;
  const sms = new SmsGateway();
  const client = new AppealsClient(() => running.appeals.map((s) => s.url), `Scale-out ${topicPrefix}`);

  beforeAll(async () => {
    await sms.start();
    const env = { SMS_GATEWAY_URL: sms.url, QUIET_HOURS_START: '00:00', QUIET_HOURS_END: '00:00' };
    // Both instances of a service start together: migrations, topic creation, the directory seed
    // and the consumer group join race as they would in a rolling deployment.
    for (const name of SERVICES) {
      running[name] = await Promise.all(
        [1, 2].map((instance) => startServiceProcess(name, topicPrefix, env, { instance })),
      );
    }
  }, 240_000);

  afterAll(async () => {
    await Promise.all(Object.values(running).flatMap((instances) => instances.map((s) => s.stop())));
    await sms.stop();
    await cleanUpRun(topicPrefix, client);
  }, 60_000);

  it('records, routes, notifies, counts and clocks every appeal once, whichever instance handles it', async () => {
    // Appeals through both instances in turn, ten at a time.
    for (let i = 0; i < APPEALS; i += 10) await Promise.all(Array.from({ length: 10 }, () => client.record()));
    // A client that lost its answer retries the same Idempotency-Key against both instances…
    for (const appeal of client.recorded.slice(0, 5)) {
      expect(await client.sendToAll(appeal)).toEqual([appeal.id, appeal.id]);
    }
    // …and one that retried at once sends it to both while the first is still being registered.
    for (let i = 0; i < RACED; i++) {
      const ids = await client.sendToAll();
      expect(ids[0]).toBe(ids[1]);
    }
    expect(client.recorded).toHaveLength(APPEALS + RACED);
    expect(client.appeals.filter((a) => !a.id)).toEqual([]);
    const ids = client.recorded.map((appeal) => appeal.id as string);

    await waitFor(
      'every card shows its assignment',
      async () => {
        const [{ n }] = await queryRows<{ n: string }>(
          testDatabaseUrl('appeals'),
          'SELECT count(*) AS n FROM appeals WHERE id = ANY($1::uuid[]) AND assigned_unit_code IS NOT NULL',
          [ids],
        );
        return Number(n) === ids.length;
      },
      { timeoutMs: 60_000, intervalMs: 500 },
    );

    // Heads answer through either instance: a third briefly, half of those fully too.
    const head = actingAs('Марат Есенов', 'Бөлім басшысы');
    const briefAnswered = new Set(ids.slice(0, 22));
    const fullAnswered = new Set(ids.slice(0, 11));
    const answer = async (id: string, path: string, body: object, i: number) => {
      const url = running.appeals[i % 2].url;
      const response = await fetch(`${url}/api/v1/appeals/${id}/${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...head },
        body: JSON.stringify(body),
      });
      expect({ id, path, status: response.status }).toEqual({ id, path, status: 200 });
    };
    await Promise.all([...briefAnswered].map((id, i) => answer(id, 'brief-answer', { text: 'Қаралуда.' }, i)));
    await Promise.all(
      [...fullAnswered].map((id, i) =>
        answer(id, 'full-answer', { text: 'Шатыр жөнделді.', outcome: 'satisfied' }, i + 1),
      ),
    );

    const findings = await inspectWhenConverged({
      client,
      statsUrl: running.stats[1].url,
      routingQueuePrefix: `${topicPrefix}routing`,
      sms,
      briefAnswered,
      fullAnswered,
      topics,
      groups: SERVICES.map((name) => ({ groupId: running[name][0].groupId, topics: topics.consumes[name] })),
      timeoutMs: 60_000,
    });
    const { routedCopies } = findings;
    console.log(
      `scale-out: ${JSON.stringify(findings.checked)}, lost ${findings.lost.length}, duplicated ${findings.duplicated.length}`,
    );
    // The inspection looked at every appeal, its notices and clocks (it cannot pass by seeing nothing).
    expect(findings.checked).toMatchObject({
      appeals: APPEALS + RACED,
      deliveries: 2 * (APPEALS + RACED) + 22 + 2 * 11,
    });
    expect(findings.checked.pendingClocks).toBeGreaterThan(0);
    expect(findings.lost.slice(0, 20)).toEqual([]);
    expect(findings.duplicated.slice(0, 20)).toEqual([]);
    // Nothing crashed, so no event went out twice either, not even under one id.
    expect(routedCopies).toBe(0);
    expect(findings.notes.slice(0, 20)).toEqual([]);

    // Both instances of each consuming service did part of the work (the group split the partitions).
    for (const name of SERVICES) {
      const applied = await Promise.all(running[name].map(eventsApplied));
      expect({ name, bothWorked: applied.every((n) => n > 0) }).toEqual({ name, bothWorked: true });
    }
  }, 300_000);
});
