import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { Kafka, logLevel } from 'kafkajs';
import { deadLetterTopic } from '@akimat/contracts';
import { actingAs, deleteKeysUnder, KafkaProbe, queryRows, testDatabaseUrl, waitFor } from '@akimat/testing';
import { AppealsClient } from './appeals-client';
import { SmsGateway } from './sms-gateway';

/**
 * How a suite that breaks things proves nothing was lost or done twice: one check over the four
 * services' stores, Redis and Kafka for the appeals this run recorded (with `AppealsClient`; SMS
 * counted by `SmsGateway`). Others may share the databases, so nothing assumes empty tables: the
 * run's appeals carry its own receiving official.
 */

/** The servers the services under test use (their defaults, unless the environment says otherwise). */
export const KAFKA_BROKERS = (process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092').split(',');
export const REDIS_URL = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';

/** Every message a topic holds right now, read from the beginning by a fresh consumer group. */
export async function readTopic(topic: string): Promise<{ key: string | null; id: string; type: string }[]> {
  const kafka = new Kafka({ clientId: `ledger-${randomUUID()}`, brokers: KAFKA_BROKERS, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  const total = (await admin.fetchTopicOffsets(topic)).reduce((sum, p) => sum + Number(p.high) - Number(p.low), 0);
  await admin.disconnect();
  const messages: { key: string | null; id: string; type: string }[] = [];
  if (total === 0) return messages;
  const consumer = kafka.consumer({ groupId: `ledger-${randomUUID()}` });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  let done!: () => void;
  const all = new Promise<void>((resolve) => (done = resolve));
  await consumer.run({
    eachBatch: async ({ batch }) => {
      for (const message of batch.messages) {
        let envelope: { id?: string; type?: string } = {};
        try {
          envelope = JSON.parse(message.value?.toString('utf8') ?? '{}') as typeof envelope;
        } catch {
          // not ours to judge here
        }
        messages.push({ key: message.key?.toString('utf8') ?? null, id: envelope.id ?? '', type: envelope.type ?? '' });
      }
      if (messages.length >= total) done();
    },
  });
  const timeout = setTimeout(done, 60_000);
  await all;
  clearTimeout(timeout);
  await consumer.disconnect();
  if (messages.length < total) throw new Error(`read ${messages.length} of ${total} messages of ${topic}`);
  return messages;
}

export interface Expectations {
  client: AppealsClient;
  statsUrl: string;
  /** Routing's QUEUE_PREFIX: where its clock jobs live in Redis. */
  routingQueuePrefix: string;
  sms: SmsGateway;
  /** Appeals given a brief answer, and those given a full one too. */
  briefAnswered?: Set<string>;
  fullAnswered?: Set<string>;
}

export interface Findings {
  /** One line per thing missing: an appeal, routing, a notice, a figure, a clock. */
  lost: string[];
  /** One line per thing there twice. */
  duplicated: string[];
  /** Facts worth printing that are neither (e.g. a message resent with the same Idempotency-Key). */
  notes: string[];
  /** How much was looked at, for the report. */
  checked: { appeals: number; deliveries: number; smsArrivals: number; pendingClocks: number };
}

export const noFindings = (): Findings => ({
  lost: [],
  duplicated: [],
  notes: [],
  checked: { appeals: 0, deliveries: 0, smsArrivals: 0, pendingClocks: 0 },
});

/**
 * Checks what the services' stores hold for the client's appeals against what was recorded.
 * Each appeal the client got 201 for: stored once; routed once (one assignment row, the card shows
 * it); its notices once each; counted once by stats; its open clocks pending once with their jobs.
 */
export async function inspectStores(expect: Expectations): Promise<Findings> {
  const findings = noFindings();
  const { client } = expect;
  const recorded = client.recorded;
  const ids = recorded.map((appeal) => appeal.id as string);
  const brief = expect.briefAnswered ?? new Set<string>();
  const full = expect.fullAnswered ?? new Set<string>();

  // appeals: stored once (a duplicate is a second card with the same text), and shows its unit.
  const cards = await queryRows<{ id: string; text: string; assigned_unit_code: string | null }>(
    testDatabaseUrl('appeals'),
    'SELECT id, text, assigned_unit_code FROM appeals WHERE received_by_name = $1',
    [client.official],
  );
  const cardsByText = groupBy(cards, (card) => card.text);
  for (const appeal of client.appeals) {
    const stored = cardsByText.get(appeal.text) ?? [];
    if (stored.length > 1) findings.duplicated.push(`appeal ${appeal.key} stored ${stored.length} times`);
    if (appeal.id && !stored.some((card) => card.id === appeal.id))
      findings.lost.push(`appeal ${appeal.id} not stored`);
    if (!appeal.id && stored.length > 0)
      findings.notes.push(`appeal ${appeal.key} stored but the client never got its 201`);
    if (appeal.id && stored.some((card) => card.id === appeal.id && !card.assigned_unit_code)) {
      findings.lost.push(`appeal ${appeal.id}: the card shows no assignment`);
    }
  }

  // routing: one assignment each.
  const assigned = new Set(
    (
      await queryRows<{ appeal_id: string }>(
        testDatabaseUrl('routing'),
        'SELECT appeal_id FROM assignments WHERE appeal_id = ANY($1::uuid[])',
        [ids],
      )
    ).map((row) => row.appeal_id),
  );
  for (const id of ids) if (!assigned.has(id)) findings.lost.push(`appeal ${id} not routed`);

  // notifications: each expected notice exactly once, and each SMS sent and received by the gateway.
  const deliveries = await queryRows<{
    id: string;
    appeal_id: string;
    kind: string;
    recipient: string;
    channel: string;
    status: string;
  }>(
    testDatabaseUrl('notifications'),
    'SELECT id, appeal_id, kind, recipient, channel, status FROM deliveries WHERE appeal_id = ANY($1::uuid[])',
    [ids],
  );
  const byNotice = groupBy(deliveries, (d) => `${d.appeal_id} ${d.kind} ${d.channel}`);
  for (const id of ids) {
    const kinds: [string, string][] = [
      ['registered', 'sms'],
      ['routed', 'in_app'],
    ];
    if (brief.has(id)) kinds.push(['brief_answer', 'sms']);
    if (full.has(id)) kinds.push(['full_answer', 'sms'], ['survey_invitation', 'sms']);
    for (const [kind, channel] of kinds) {
      const notices = byNotice.get(`${id} ${kind} ${channel}`) ?? [];
      if (notices.length === 0) findings.lost.push(`appeal ${id}: no ${kind} notice by ${channel}`);
      if (notices.length > 1) findings.duplicated.push(`appeal ${id}: ${notices.length} ${kind} notices by ${channel}`);
    }
  }
  const perRecipient = groupBy(deliveries, (d) => `${d.appeal_id} ${d.kind} ${d.recipient} ${d.channel}`);
  for (const [notice, rows] of perRecipient) {
    if (rows.length > 1) findings.duplicated.push(`${rows.length} deliveries for (${notice})`);
  }
  for (const delivery of deliveries.filter((d) => d.channel === 'sms')) {
    const arrived = expect.sms.received.get(delivery.id) ?? 0;
    if (delivery.status !== 'sent' || arrived === 0) {
      findings.lost.push(
        `SMS ${delivery.id} (${delivery.kind}) ${delivery.status}, reached the gateway ${arrived} times`,
      );
    } else if (arrived > 1) {
      findings.notes.push(`SMS ${delivery.id} reached the gateway ${arrived} times with one Idempotency-Key`);
    }
  }

  // stats: the run's figures, broken down by its receiving official.
  const response = await fetch(`${expect.statsUrl}/api/v1/stats/breakdown?by=official`, {
    headers: actingAs('E2E chief of staff', 'Аппарат басшысы', { roles: ['chief_of_staff'] }),
  });
  const rows = (
    (await response.json()) as {
      rows: {
        key: string;
        registered: number;
        routed: number;
        briefAnswers: { onTime: number; late: number };
        fullAnswers: { onTime: number; late: number };
      }[];
    }
  ).rows;
  const row = rows.find((r) => r.key === client.official);
  const figures = {
    registered: row?.registered ?? 0,
    routed: row?.routed ?? 0,
    briefAnswers: (row?.briefAnswers.onTime ?? 0) + (row?.briefAnswers.late ?? 0),
    fullAnswers: (row?.fullAnswers.onTime ?? 0) + (row?.fullAnswers.late ?? 0),
  };
  const wanted = { registered: ids.length, routed: ids.length, briefAnswers: brief.size, fullAnswers: full.size };
  for (const measure of Object.keys(wanted) as (keyof typeof wanted)[]) {
    const [got, want] = [figures[measure], wanted[measure]];
    if (got < want) findings.lost.push(`stats ${measure}: ${got}, recorded ${want}`);
    if (got > want) findings.duplicated.push(`stats ${measure}: ${got}, recorded ${want}`);
  }

  // routing's clocks: one due clock per open term, every pending clock with its BullMQ job.
  const clocks = await queryRows<{ id: string; appeal_id: string; kind: string; reminder: string }>(
    testDatabaseUrl('routing'),
    `SELECT id::text, appeal_id, kind, reminder FROM deadline_clocks WHERE state = 'pending' AND appeal_id = ANY($1::uuid[])`,
    [ids],
  );
  const dueClocks = groupBy(
    clocks.filter((clock) => clock.reminder === 'due'),
    (clock) => `${clock.appeal_id} ${clock.kind}`,
  );
  for (const id of ids) {
    const open = full.has(id) ? [] : brief.has(id) ? ['full_answer'] : ['brief_answer', 'full_answer'];
    for (const kind of open) {
      const n = dueClocks.get(`${id} ${kind}`)?.length ?? 0;
      if (n === 0) findings.lost.push(`appeal ${id}: no pending ${kind} clock`);
      if (n > 1) findings.duplicated.push(`appeal ${id}: ${n} pending ${kind} clocks`);
    }
    for (const kind of ['brief_answer', 'full_answer'].filter((k) => !open.includes(k))) {
      if (dueClocks.has(`${id} ${kind}`))
        findings.duplicated.push(`appeal ${id}: ${kind} clock still pending after the answer`);
    }
  }
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    const pipeline = redis.pipeline();
    for (const clock of clocks) pipeline.exists(`${expect.routingQueuePrefix}:deadline-clocks:c${clock.id}`);
    const results = (await pipeline.exec()) ?? [];
    clocks.forEach((clock, i) => {
      if (results[i]?.[1] !== 1)
        findings.lost.push(`clock ${clock.id} (${clock.appeal_id} ${clock.kind} ${clock.reminder}) has no job`);
    });
  } finally {
    redis.disconnect();
  }
  const smsIds = deliveries.filter((d) => d.channel === 'sms').map((d) => d.id);
  findings.checked = {
    appeals: ids.length,
    deliveries: deliveries.length,
    smsArrivals: smsIds.reduce((sum, id) => sum + (expect.sms.received.get(id) ?? 0), 0),
    pendingClocks: clocks.length,
  };
  return findings;
}

/**
 * Kafka's view: each recorded appeal has exactly one `appeal.registered` and one `appeal.routed`
 * event (by event id), and no consumer dead-lettered anything. A second copy of the same event (the relay resent a row it published just
 * before a crash) is the transport's at-least-once, which consumers skip by id: only noted.
 */
export async function inspectTopics(
  client: AppealsClient,
  appealTopic: string,
  routingTopic: string,
  findings: Findings,
): Promise<{ routedCopies: number }> {
  const ids = new Set(client.recorded.map((appeal) => appeal.id as string));
  let routedCopies = 0;
  for (const [topic, type] of [
    [appealTopic, 'appeal.registered'],
    [routingTopic, 'appeal.routed'],
  ] as const) {
    const events = (await readTopic(topic)).filter((m) => m.type === type && m.key !== null && ids.has(m.key));
    const byAppeal = groupBy(events, (m) => m.key as string);
    for (const id of ids) {
      const copies = byAppeal.get(id) ?? [];
      const distinct = new Set(copies.map((m) => m.id)).size;
      if (distinct === 0) findings.lost.push(`appeal ${id}: no ${type} on Kafka`);
      if (distinct > 1) findings.duplicated.push(`appeal ${id}: ${distinct} different ${type} events`);
      if (copies.length > distinct) {
        findings.notes.push(`appeal ${id}: ${type} published ${copies.length} times under one event id`);
        if (type === 'appeal.routed') routedCopies += copies.length - distinct;
      }
    }
  }
  // A consumer that gave up on an event parked it on the dead-letter twin: an effect not applied.
  for (const topic of [appealTopic, routingTopic]) {
    for (const parked of await readTopic(deadLetterTopic(topic))) {
      findings.lost.push(`${parked.type} ${parked.id} (appeal ${parked.key}) dead-lettered from ${topic}`);
    }
  }
  return { routedCopies };
}

export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

export interface Convergence extends Expectations {
  topics: { appealTopic: string; routingTopic: string };
  /** Each service's consumer group and the topics it reads. */
  groups: { groupId: string; topics: string[] }[];
  timeoutMs: number;
}

/**
 * Waits until every group has committed what its topics hold and the stores pass inspection (or
 * the time is up: then the last inspection says what is still missing, and one that cannot run
 * fails the test), then adds Kafka's view. `routedCopies`: `appeal.routed` resent under one id.
 */
export async function inspectWhenConverged(convergence: Convergence): Promise<Findings & { routedCopies: number }> {
  const probe = new KafkaProbe(KAFKA_BROKERS);
  try {
    for (const { groupId, topics } of convergence.groups) {
      await probe.waitUntilConsumed(groupId, topics, convergence.timeoutMs);
    }
  } finally {
    await probe.close();
  }
  let findings = noFindings();
  await waitFor(
    'the stores to converge',
    async () => {
      findings = await inspectStores(convergence);
      return findings.lost.length === 0 && findings.duplicated.length === 0;
    },
    { timeoutMs: convergence.timeoutMs, intervalMs: 2_000 },
  ).catch(async () => {
    findings = await inspectStores(convergence);
  });
  const { appealTopic, routingTopic } = convergence.topics;
  return { ...findings, ...(await inspectTopics(convergence.client, appealTopic, routingTopic, findings)) };
}

/**
 * Leaves nothing of the run behind that would act later: its queues' Redis keys, and its pending
 * clocks (routing instances of later runs on the same database would otherwise schedule them at
 * start-up and fire them, years of test runs later, into their own topics).
 */
export async function cleanUpRun(topicPrefix: string, client: AppealsClient): Promise<void> {
  const redis = new Redis(REDIS_URL);
  try {
    for (const name of ['routing', 'notifications']) await deleteKeysUnder(redis, `${topicPrefix}${name}`);
  } finally {
    redis.disconnect();
  }
  await queryRows(
    testDatabaseUrl('routing'),
    `UPDATE deadline_clocks SET state = 'cancelled', stopped_at = now() WHERE state = 'pending' AND appeal_id = ANY($1::uuid[])`,
    [client.recorded.map((appeal) => appeal.id)],
  );
}
