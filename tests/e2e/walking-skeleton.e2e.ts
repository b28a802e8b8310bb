import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { physicalTopic, TOPICS } from '@akimat/contracts';
import { KafkaProbe, waitFor } from '@akimat/testing';
import { getJson, resetServiceDatabases, ServiceName, ServiceProcess, SERVICES, startServiceProcess } from './service-processes';

const topicPrefix = `e2e-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}.`;
const appealTopic = physicalTopic(TOPICS.appealEvents, topicPrefix);
const routingTopic = physicalTopic(TOPICS.routingEvents, topicPrefix);
const CONSUMES: Record<ServiceName, string[]> = {
  appeals: [routingTopic],
  routing: [appealTopic],
  notifications: [routingTopic],
  stats: [appealTopic, routingTopic],
};

describe('one appeal through all four services (separate processes, real Kafka and PostgreSQL)', () => {
  const running = {} as Record<ServiceName, ServiceProcess>;
  const probe = new KafkaProbe();
  let appealId: string;

  beforeAll(async () => {
    await resetServiceDatabases();
    for (const name of SERVICES) running[name] = await startServiceProcess(name, topicPrefix);
    await probe.record([appealTopic, routingTopic]);
  });

  afterAll(async () => {
    await probe.close();
    await Promise.all(Object.values(running).map((service) => service.stop()));
  });

  it('is registered, routed, notified and counted', async () => {
    const response = await fetch(`${running.appeals.url}/api/v1/appeals`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-correlation-id': `${topicPrefix}walk` },
      body: JSON.stringify({
        resident: { fullName: 'Ғалымжан Төлеуов', iin: '870412300054', phone: '+77011234567', language: 'ru' },
        category: 'housing',
        channel: 'reception',
        text: 'Прошу проверить состояние жилого дома. Тұрғын үйді тексеруді сұраймын.',
      }),
    });
    expect(response.status).toBe(201);
    const created = (await response.json()) as { id: string; registrationNumber: string };
    appealId = created.id;

    const assignment = await waitFor('the appeal card shows its assignment', async () => {
      const { body } = await getJson(`${running.appeals.url}/api/v1/appeals/${appealId}`);
      return body.assignment ?? undefined;
    });
    expect(assignment.unitCode).toBe('housing-inspection');

    const notifications = await waitFor('the head is notified', async () => {
      const { body } = await getJson(`${running.notifications.url}/api/v1/notifications?appealId=${appealId}`);
      return body.items.length > 0 && body.items;
    });
    expect(notifications).toHaveLength(1);
    expect(notifications[0]).toMatchObject({ appealId, channel: 'in_app', recipient: 'housing@makhambet.example.kz' });
    expect(notifications[0].body).toContain(created.registrationNumber);

    const summary = await waitFor('stats count the appeal', async () => {
      const { body } = await getJson(`${running.stats.url}/api/v1/stats/summary`);
      return body.registered === 1 && body.routed === 1 && body;
    });
    expect(summary.byCategory).toEqual({ housing: 1 });
    expect(summary.byUnit).toEqual({ 'housing-inspection': 1 });

    const { body: routed } = await getJson(`${running.routing.url}/api/v1/assignments/${appealId}`);
    expect(routed.unitCode).toBe('housing-inspection');
  });

  it('changes nothing when the same events are delivered again', async () => {
    const registered = probe.on(appealTopic).find((message) => message.key === appealId);
    const routed = probe.on(routingTopic).find((message) => message.key === appealId);
    expect(registered && routed).toBeTruthy();
    await probe.produce(appealTopic, registered!.value, appealId);
    await probe.produce(routingTopic, routed!.value, appealId);
    for (const name of SERVICES) await probe.waitUntilConsumed(running[name].groupId, CONSUMES[name]);
    // Give a wrongly re-routed appeal time to leave routing's outbox, then let everyone catch up again.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    for (const name of SERVICES) await probe.waitUntilConsumed(running[name].groupId, CONSUMES[name]);

    const routedIds = await waitFor('our copy of appeal.routed seen', () => {
      const ids = probe.on(routingTopic).filter((m) => m.key === appealId).map((m) => m.json<{ id: string }>().id);
      return ids.length >= 2 && ids;
    });
    expect(new Set(routedIds).size).toBe(1);
    const { body: notifications } = await getJson(`${running.notifications.url}/api/v1/notifications?appealId=${appealId}`);
    expect(notifications.items).toHaveLength(1);
    const { body: summary } = await getJson(`${running.stats.url}/api/v1/stats/summary`);
    expect(summary).toMatchObject({ registered: 1, routed: 1 });
  });

  it('refuses to start with a wrong variable, naming it', async () => {
    const child = spawn(process.execPath, [join(__dirname, '../../dist/apps/stats/main.js')], {
      env: { ...process.env, DATABASE_URL: 'not-a-url', KAFKA_BROKERS: 'nowhere' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(stderr).toContain('DATABASE_URL');
    expect(stderr).toContain('KAFKA_BROKERS');
  });
});
