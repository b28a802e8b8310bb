import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { physicalTopic, TOPICS } from '@akimat/contracts';
import { actingAs, asStaff, freePort, RunningService, startServiceForTest, waitFor } from '@akimat/testing';
import { AppModule } from '../src/app/app.module';
import { appealsEnvSchema } from '../src/app/appeals-env.schema';

const PREFIX = process.env['KAFKA_TOPIC_PREFIX'] ?? '';
const BROKERS = process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092';

/**
 * A member of appeals' consumer group that joins and is then killed with SIGKILL, as a crashed
 * appeals process would be: the broker keeps it in the group until its session times out, and the
 * next process cannot join before that.
 */
async function leaveDeadMemberInGroup(groupId: string, topic: string): Promise<void> {
  const script = `
    const { Kafka, logLevel } = require('kafkajs');
    const kafka = new Kafka({ clientId: 'crashed-appeals', brokers: process.env.BROKERS.split(','), logLevel: logLevel.NOTHING });
    (async () => {
      const admin = kafka.admin();
      await admin.connect();
      await admin.createTopics({ topics: [{ topic: process.env.TOPIC, numPartitions: 3 }] });
      await admin.disconnect();
      const consumer = kafka.consumer({ groupId: process.env.GROUP, sessionTimeout: 8000, rebalanceTimeout: 8000, heartbeatInterval: 1000 });
      consumer.on(consumer.events.GROUP_JOIN, () => process.stdout.write('joined\\n'));
      await consumer.connect();
      await consumer.subscribe({ topics: [process.env.TOPIC] });
      await consumer.run({ eachMessage: async () => undefined });
    })();`;
  const member: ChildProcess = spawn(process.execPath, ['-e', script], {
    env: { ...process.env, BROKERS, GROUP: groupId, TOPIC: topic },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  member.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await waitFor('the doomed member joined the group', () => output.includes('joined'), { timeoutMs: 60_000 });
  member.kill('SIGKILL');
  await once(member, 'exit');
}

describe('a restarted appeals process takes appeals while its consumer waits to rejoin (real Kafka, PostgreSQL)', () => {
  let service: RunningService | undefined;

  afterAll(async () => {
    await service?.close();
  });

  it('answers HTTP and records appeals before it consumes; ready only once it consumes', async () => {
    await leaveDeadMemberInGroup(`${PREFIX}appeals-server`, physicalTopic(TOPICS.routingEvents, PREFIX));
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const starting = startServiceForTest(
      { serviceName: 'appeals', envSchema: appealsEnvSchema, appModule: AppModule },
      { HTTP_PORT: String(port) },
    );
    let startedAt: number | undefined;
    void starting.then(() => (startedAt = Date.now()));

    await waitFor('appeals answers HTTP', async () => (await fetch(`${url}/health/live`)).ok, { timeoutMs: 60_000 });
    const { body } = await asStaff(url)
      .post('/api/v1/appeals')
      .set(actingAs('Қуаныш Ерғалиев', 'Аудан әкімі'))
      .send({ category: 'housing', channel: 'walk_in', anonymous: true, text: 'Шатыр ағып тұр' })
      .expect(201);
    const ready = await fetch(`${url}/health/ready`);
    const recordedAt = Date.now();

    expect(body.registrationNumber).toMatch(/^MAH-\d{4}-\d{6}$/);
    expect(ready.status).toBe(503);
    const readiness = (await ready.json()) as { error: Record<string, unknown> };
    expect(readiness.error['consumer']).toEqual({ status: 'down', message: 'joining its Kafka consumer group' });
    expect(startedAt).toBeUndefined();

    service = await starting;
    expect(startedAt).toBeGreaterThan(recordedAt);
    expect((await fetch(`${url}/health/ready`)).status).toBe(200);
  });
});
