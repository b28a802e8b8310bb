import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { Kafka, logLevel } from 'kafkajs';
import { deadLetterTopic, physicalTopic, TOPICS } from '@akimat/contracts';
import { KafkaProbe, RunningService, waitFor } from '@akimat/testing';
import { runDlt } from '../../tools/dlt/src/dlt-command';
import { effectsOf, ProbeConsumer, registered, startProbeService } from './kit-probe.service';

/** Runs the dead-letter command in this process against this file's topics; returns what it printed. */
async function dlt(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runDlt(argv, process.env, { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** `dlt=<topic>/<partition>/<offset>` of the listed dead letter whose line mentions `needle`, as `P:O`. */
function listedPosition(listing: string, needle: string): string {
  const line = listing.split('\n').find((l) => l.includes(needle));
  const match = line?.match(/^dlt=\S+\/(\d+)\/(\d+) /);
  if (!match) throw new Error(`no listed dead letter mentions ${needle}:\n${listing}`);
  return `${match[1]}:${match[2]}`;
}

describe('dead letters: poison messages, listing and replay (real Kafka and PostgreSQL)', () => {
  let service: RunningService;
  const probe = new KafkaProbe();
  const topic = physicalTopic(TOPICS.appealEvents);
  const dltTopic = deadLetterTopic(topic);
  const group = () => `${service.topicPrefix}kit-probe-server`;
  const messagesIn = async (name: string) =>
    (await probe.topicOffsets(name)).reduce((sum, { low, high }) => sum + Number(high) - Number(low), 0);

  beforeAll(async () => {
    service = await startProbeService();
    await probe.record([dltTopic, topic]);
  });

  afterAll(async () => {
    await probe.close();
    await service?.close();
  });

  it('parks a failing event; once fixed, replay applies it exactly once, and a second replay republishes nothing', async () => {
    ProbeConsumer.failingCategories.add('fixable');
    const first = registered('fixable');
    const second = registered('fixable');
    await probe.produce(topic, first, first.subject);
    await probe.produce(topic, second, second.subject);
    for (const event of [first, second]) {
      await waitFor(`${event.id} on the dead-letter topic`, () => probe.on(dltTopic).find((m) => m.key === event.subject));
    }
    expect(await effectsOf(service, first.id)).toBe(0);

    const listing = await dlt('list', '--topic', TOPICS.appealEvents);
    expect(listing.code).toBe(0);
    const line = listing.out.split('\n').find((l) => l.includes(first.id)) ?? '';
    expect(line).toContain(`original=${topic}/`);
    expect(line).toContain('failure=handler-failed');
    expect(line).toContain('attempts=3');
    expect(line).toContain(`event=appeal.registered/${first.id}`);
    expect(line).toContain('state=pending');
    expect(line).toContain('handler cannot cope');
    const position = listedPosition(listing.out, first.id);

    // The cause is fixed: the handler copes with "fixable" appeals now.
    ProbeConsumer.failingCategories.delete('fixable');

    const before = await messagesIn(topic);
    const dry = await dlt('replay', '--topic', TOPICS.appealEvents, '--offset', position, '--dry-run');
    expect(dry).toMatchObject({ code: 0 });
    expect(dry.out).toContain(`would replay dlt=${dltTopic}/${position.replace(':', '/')} -> ${topic}`);
    expect(await messagesIn(topic)).toBe(before);

    const replayed = await dlt('replay', '--topic', TOPICS.appealEvents, '--offset', position);
    expect(replayed.code).toBe(0);
    expect(replayed.out).toContain('replayed 1, skipped 0');
    await waitFor('the replayed event applied', async () => (await effectsOf(service, first.id)) === 1);

    // Back on its topic as it was: same key and value, its own headers, none of the dead-letter ones.
    const copy = probe.on(topic).find((m) => m.headers['replayed-from-dlt'] === `${dltTopic}/${position.replace(':', '/')}`);
    expect(copy?.key).toBe(first.subject);
    expect(copy?.json<{ id: string }>().id).toBe(first.id);
    expect(Object.keys(copy?.headers ?? {}).filter((name) => name.startsWith('dlt-'))).toEqual([]);

    const again = await dlt('replay', '--topic', TOPICS.appealEvents, '--offset', position);
    expect(again.code).toBe(0);
    expect(again.out).toContain('replayed 0, skipped 1');

    // --all replays what was not replayed yet (the second), once; run again, it republishes nothing.
    const all = await dlt('replay', '--topic', `${TOPICS.appealEvents}.dlt`, '--all');
    expect(all.out).toContain('replayed 1, skipped 1');
    await waitFor('the second replayed event applied', async () => (await effectsOf(service, second.id)) === 1);
    const afterReplays = await messagesIn(topic);
    const allAgain = await dlt('replay', '--topic', TOPICS.appealEvents, '--all');
    expect(allAgain.out).toContain('replayed 0, skipped 2');
    expect(await messagesIn(topic)).toBe(afterReplays);

    await probe.waitUntilConsumed(group(), [topic]);
    expect(await effectsOf(service, first.id)).toBe(1);
    expect(await effectsOf(service, second.id)).toBe(1);
    expect((await dlt('list', '--topic', TOPICS.appealEvents)).out).not.toContain('state=pending');
  });

  it('parks every kind of poison message with its reason and the original, and consumption goes on', async () => {
    const key = randomUUID(); // one key: every poison message sits in front of the good one, in one partition
    const mark = () => randomUUID();
    const notJson = `{"this is": not json ${mark()}`;
    const notUtf8 = Buffer.concat([Buffer.from([0xff, 0xfe, 0x00]), Buffer.from(mark())]);
    const jsonArray = JSON.stringify([mark()]);
    const noEnvelope = { ...registered('housing'), id: 'not-a-uuid' };
    const personal = {
      resident: { name: 'Aigerim Nurlanovna', phone: '+77011234567', email: 'aigerim@example.kz', language: 'kk' },
      iin: '900101300123',
    };
    const wrongData = registered('housing');
    Object.assign(wrongData.data, personal, { channel: 'carrier-pigeon' });
    const unknownType = { ...registered('housing'), type: 'appeal.teleported' };
    const oversized = registered('housing');
    oversized.data.text = '';
    const limit = await maxMessageBytes(topic);
    // Just under the broker's limit once batch and record overheads are added: it is accepted on
    // the topic, but the dead-letter copy with its extra headers would not be.
    oversized.data.text = 'x'.repeat(limit - Buffer.byteLength(JSON.stringify(oversized)) - 200);
    const good = registered('housing');

    for (const value of [notJson, notUtf8, jsonArray, noEnvelope, wrongData, unknownType, oversized, good]) {
      await probe.produce(topic, value, key);
    }
    await waitFor('the good event behind the poison applied', async () => (await effectsOf(service, good.id)) === 1, {
      timeoutMs: 60_000,
    });

    const parked = await waitFor('seven dead letters', () => {
      const found = probe.on(dltTopic).filter((m) => m.key === key);
      return found.length >= 7 && found;
    });
    const failureOf = (predicate: (value: string) => boolean) =>
      parked.find((m) => predicate(m.value ?? ''))?.headers['dlt-failure'];
    expect(failureOf((v) => v === notJson)).toBe('not-json');
    expect(failureOf((v) => v.includes(notUtf8.subarray(3).toString()))).toBe('not-json');
    expect(failureOf((v) => v === jsonArray)).toBe('not-json');
    expect(failureOf((v) => v.includes('not-a-uuid'))).toBe('invalid-envelope');
    expect(failureOf((v) => v.includes('carrier-pigeon'))).toBe('invalid-data');
    expect(failureOf((v) => v.includes('appeal.teleported'))).toBe('unknown-type');
    // Too large to copy with the dead-letter headers: parked without its value, pointing at the original.
    const big = parked.find((m) => m.headers['dlt-original-omitted']);
    expect(big?.headers['dlt-failure']).toBe('invalid-data');
    expect(big?.headers['dlt-reason']).toContain('data.text');
    expect(big?.headers['dlt-original-omitted']).toContain('too large');
    expect(big?.value).toBeNull();
    for (const message of parked) {
      expect(message.headers['dlt-reason']).not.toBe('');
      expect(message.headers['dlt-original-topic']).toBe(topic);
    }

    // The listing shows them all, and no personal data in clear, even with the payload.
    const listing = await dlt('list', '--topic', TOPICS.appealEvents, '--show-payload');
    expect(listing.code).toBe(0);
    for (const failure of ['not-json', 'invalid-envelope', 'invalid-data', 'unknown-type']) {
      expect(listing.out).toContain(`failure=${failure}`);
    }
    expect(listing.out).toContain('event=appeal.teleported/');
    for (const secret of ['Aigerim', 'Nurlanovna', '+77011234567', '7011234567', 'aigerim@example.kz', '900101300123']) {
      expect(listing.out).not.toContain(secret);
    }

    const newest = await dlt('list', '--topic', TOPICS.appealEvents, '--limit', '2');
    expect(newest.out).toMatch(/: the newest 2 of \d+ dead letter\(s\)/);
    expect(newest.out.split('\n').filter((l) => l.startsWith('dlt='))).toHaveLength(2);

    // Replaying the oversized one puts the whole original back, read from where it still is.
    const position = listedPosition(listing.out, 'omitted=');
    const replayed = await dlt('replay', '--topic', TOPICS.appealEvents, '--offset', position);
    expect(replayed.out).toContain('replayed 1, skipped 0');
    const copy = await waitFor('the oversized original back on its topic', () =>
      probe.on(topic).find((m) => m.headers['replayed-from-dlt'] === `${dltTopic}/${position.replace(':', '/')}`),
    );
    expect(copy.value?.length).toBe(Buffer.byteLength(JSON.stringify(oversized)));
    expect(copy.key).toBe(key);
  });

  it('answers operator mistakes with a message and a non-zero exit code, never a stack trace', async () => {
    expect(await dlt('replay', '--topic', 'akimat.nothing.v1', '--all')).toMatchObject({ code: 2, err: expect.stringContaining('unknown topic "akimat.nothing.v1"') });
    expect(await dlt('replay', '--topic', TOPICS.appealEvents, '--offset', '0:99999')).toMatchObject({
      code: 1,
      err: expect.stringContaining('no dead letter at'),
    });
    expect(await dlt('replay', '--topic', TOPICS.appealEvents, '--offset', '7:0')).toMatchObject({ code: 1, err: expect.stringContaining('no partition 7') });
    expect(await dlt('replay', '--topic', TOPICS.appealEvents, '--offset', 'last')).toMatchObject({ code: 2 });
    expect(await dlt('list', '--topic', TOPICS.routingEvents, '--limit', '0')).toMatchObject({ code: 2 });

    // The real entry point, as `npm run dlt` runs it.
    const run = promisify(execFile);
    const failed = await run(process.execPath, ['-r', '@swc-node/register', 'tools/dlt/src/main.ts', 'replay', '--topic', TOPICS.appealEvents, '--offset', '0:99999'], {
      env: { ...process.env, SWC_NODE_PROJECT: 'tsconfig.test.json', KAFKA_TOPIC_PREFIX: `${service.topicPrefix}` },
    }).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => error,
    );
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('dlt: no dead letter at');
    expect(failed.stderr).not.toMatch(/\n\s+at /);
  });
});

async function maxMessageBytes(topic: string): Promise<number> {
  const admin = new Kafka({ brokers: (process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092').split(','), logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const { resources } = await admin.describeConfigs({
      includeSynonyms: false,
      resources: [{ type: 2, name: topic, configNames: ['max.message.bytes'] }],
    });
    return Number(resources[0].configEntries.find((entry) => entry.configName === 'max.message.bytes')?.configValue);
  } finally {
    await admin.disconnect();
  }
}
