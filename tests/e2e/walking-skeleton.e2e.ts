import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { accessPolicyOf, accessViolations, actingAs, KafkaProbe, waitFor } from '@akimat/testing';
import { AppModule as AppealsModule } from '../../apps/appeals/src/app/app.module';
import { AppModule as NotificationsModule } from '../../apps/notifications/src/app/app.module';
import { AppModule as RoutingModule } from '../../apps/routing/src/app/app.module';
import { AppModule as StatsModule } from '../../apps/stats/src/app/app.module';
import {
  eventTopics,
  getJson,
  LOG_DIR,
  resetServiceDatabases,
  ServiceName,
  ServiceProcess,
  SERVICES,
  startServiceProcess,
} from './service-processes';

const topicPrefix = `e2e-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}.`;
const { appealTopic, routingTopic, consumes: CONSUMES } = eventTopics(topicPrefix);

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
      headers: {
        'content-type': 'application/json',
        'x-correlation-id': `${topicPrefix}walk`,
        ...actingAs('Қуаныш Ерғалиев', 'Аудан әкімі'),
      },
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

  it("one correlation id follows the appeal through all four services' logs, with no IIN or phone in clear", async () => {
    const correlationId = `${topicPrefix}walk`;
    const logOf = (name: ServiceName) => readFileSync(join(LOG_DIR, `${topicPrefix}${name}.log`), 'utf8');
    const lines = await waitFor('every service logged the correlation id', () => {
      const found = SERVICES.map((name) =>
        logOf(name)
          .split('\n')
          .filter((line) => line.includes(correlationId)),
      );
      return found.every((serviceLines) => serviceLines.length > 0) && found;
    });
    const [appealsLines, routingLines, notificationsLines, statsLines] = lines;
    expect(appealsLines.join('\n')).toContain('request completed');
    expect(routingLines.join('\n')).toContain('"type":"appeal.registered"');
    for (const serviceLines of [notificationsLines, statsLines]) {
      expect(serviceLines.join('\n')).toContain('"type":"appeal.registered"');
      expect(serviceLines.join('\n')).toContain('"type":"appeal.routed"');
    }
    for (const name of SERVICES) {
      expect(logOf(name)).not.toContain('870412300054');
      expect(logOf(name)).not.toMatch(/\+?7701\s?123\s?45\s?67/);
    }
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
      const ids = probe
        .on(routingTopic)
        .filter((m) => m.key === appealId)
        .map((m) => m.json<{ id: string }>().id);
      return ids.length >= 2 && ids;
    });
    expect(new Set(routedIds).size).toBe(1);
    const { body: notifications } = await getJson(
      `${running.notifications.url}/api/v1/notifications?appealId=${appealId}`,
    );
    expect(notifications.items).toHaveLength(1);
    const { body: summary } = await getJson(`${running.stats.url}/api/v1/stats/summary`);
    expect(summary).toMatchObject({ registered: 1, routed: 1 });
  });

  it('takes a recorded appeal to its answers, which the resident follows with the tracking code', async () => {
    const akim = actingAs('Қуаныш Ерғалиев', 'Аудан әкімі');
    const head = actingAs('Марат Есенов', 'Бөлім басшысы', { roles: ['department_head'], unit: 'land-relations' });
    const post = (path: string, body: object, headers: Record<string, string> = {}) =>
      fetch(`${running.appeals.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      });
    const card = {
      resident: { fullName: 'Айжан Серікқызы', iin: '870412300054', phone: '+77017654321', language: 'kk' },
      category: 'land_architecture',
      channel: 'reception',
      text: 'Жер учаскесін рәсімдеуге көмектесуіңізді сұраймын.',
    };
    const key = `${topicPrefix}journey`;
    const first = await post('/api/v1/appeals', card, { ...akim, 'idempotency-key': key });
    const retry = await post('/api/v1/appeals', card, { ...akim, 'idempotency-key': key });
    expect([first.status, retry.status]).toEqual([201, 201]);
    const appeal = (await first.json()) as { id: string; registrationNumber: string; trackingCode: string };
    expect(((await retry.json()) as { id: string }).id).toBe(appeal.id);

    const receipt = await fetch(`${running.appeals.url}/api/v1/appeals/${appeal.id}/receipt.pdf?lang=kk`, {
      headers: akim,
    });
    expect(receipt.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await receipt.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');

    const assigned = await waitFor('routed to land relations', async () => {
      const { body } = await getJson(`${running.appeals.url}/api/v1/appeals/${appeal.id}`);
      return body.status === 'assigned' && body;
    });
    expect(assigned.assignment.unitCode).toBe('land-relations');
    // The head's own inbox: his unit's appeals, without naming the unit; another unit's is not his to see.
    const inbox = await getJson(`${running.appeals.url}/api/v1/appeals?sort=due`, head);
    expect((await getJson(`${running.appeals.url}/api/v1/appeals?unitId=education`, head)).status).toBe(404);
    expect(inbox.body.items.map((item: { id: string }) => item.id)).toContain(appeal.id);

    expect(
      (await post(`/api/v1/appeals/${appeal.id}/brief-answer`, { text: 'Өтінішіңіз қаралуда.' }, head)).status,
    ).toBe(200);
    const full = await post(
      `/api/v1/appeals/${appeal.id}/full-answer`,
      { text: 'Жер учаскесі рәсімделді.', outcome: 'satisfied' },
      head,
    );
    expect(full.status).toBe(200);

    const tracked = await fetch(`${running.appeals.url}/api/v1/track/${appeal.registrationNumber}`, {
      headers: { 'x-tracking-code': appeal.trackingCode },
    });
    expect(tracked.status).toBe(200);
    const view = (await tracked.json()) as Record<string, unknown>;
    expect(view).toMatchObject({
      status: 'full_answered',
      unit: { code: 'land-relations' },
      answers: [
        { kind: 'brief', text: 'Өтінішіңіз қаралуда.' },
        { kind: 'full', text: 'Жер учаскесі рәсімделді.', outcome: 'satisfied' },
      ],
    });
    expect(JSON.stringify(view)).not.toMatch(/870412300054|7017654321/);
    const feedback = await post(`/api/v1/track/${appeal.registrationNumber}/feedback`, {
      trackingCode: appeal.trackingCode,
      rating: 5,
    });
    expect(feedback.status).toBe(200);

    const types = await waitFor('the lifecycle events on Kafka', () => {
      const seen = probe
        .on(appealTopic)
        .filter((m) => m.key === appeal.id)
        .map((m) => m.json<{ type: string }>().type);
      return seen.length >= 4 && seen;
    });
    expect(types).toEqual([
      'appeal.registered',
      'appeal.brief_answered',
      'appeal.full_answered',
      'appeal.feedback_given',
    ]);
    // Every consumer gets appeal.registered; only notifications can open the resident's phone in it.
    const events = probe.on(appealTopic).filter((m) => m.key === appeal.id);
    expect(events.map((m) => m.value).join('\n')).not.toMatch(/870412300054|7017654321/);
    expect(events[0].json<{ data: { sealedContact?: string } }>().data.sealedContact).toMatch(/^v1\./);
  });

  it('a head hands an appeal back, the chief of staff sends it on: the new unit inbox shows it and its head is notified', async () => {
    const post = (url: string, body: object, headers: Record<string, string>) =>
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      });
    const created = await post(
      `${running.appeals.url}/api/v1/appeals`,
      { anonymous: true, category: 'housing', channel: 'online', text: 'Ауылдағы жол бұзылған, жөндеу керек.' },
      actingAs('Оператор'),
    );
    const appeal = (await created.json()) as { id: string };
    await waitFor('routed to housing inspection', async () => {
      const { body } = await getJson(`${running.appeals.url}/api/v1/appeals/${appeal.id}`);
      return body.assignment?.unitCode === 'housing-inspection' && body;
    });

    const housingHead = actingAs('Гүлнар Сапарова', 'Бөлім басшысы', {
      roles: ['department_head'],
      unit: 'housing-inspection',
    });
    const reassign = (targetUnitCode: string, headers: Record<string, string>) =>
      post(
        `${running.routing.url}/api/v1/appeals/${appeal.id}/reassign`,
        { targetUnitCode, reason: 'Жол мәселесі — біздің құзырет емес' },
        headers,
      );
    expect((await reassign('housing-communal-roads', housingHead)).status).toBe(403); // a head only hands back
    expect((await reassign('chief-of-staff-triage', housingHead)).status).toBe(200);
    await waitFor('back on the triage desk', async () => {
      const { body } = await getJson(`${running.appeals.url}/api/v1/appeals/${appeal.id}`);
      return body.assignment?.unitCode === 'chief-of-staff-triage';
    });
    const chief = actingAs('Ержан Қайратұлы', 'Аппарат басшысы', {
      roles: ['chief_of_staff'],
      unit: 'chief-of-staff-triage',
    });
    expect((await reassign('housing-communal-roads', chief)).status).toBe(200);

    const inbox = await waitFor('the new unit inbox shows it', async () => {
      const { body } = await getJson(`${running.appeals.url}/api/v1/appeals?unitId=housing-communal-roads`);
      return body.items.some((item: { id: string }) => item.id === appeal.id) && body;
    });
    expect(inbox.items.find((item: { id: string }) => item.id === appeal.id).unit.code).toBe('housing-communal-roads');
    const oldInbox = await getJson(`${running.appeals.url}/api/v1/appeals?unitId=housing-inspection`);
    expect(oldInbox.body.items.map((item: { id: string }) => item.id)).not.toContain(appeal.id);

    const notices = await waitFor('the new head is notified', async () => {
      const { body } = await getJson(`${running.notifications.url}/api/v1/notifications?appealId=${appeal.id}`);
      return body.items.length >= 3 && body.items;
    });
    expect(notices.map((notice: { recipient: string }) => notice.recipient).sort()).toEqual([
      'chief.of.staff@makhambet.example.kz',
      'communal@makhambet.example.kz',
      'housing@makhambet.example.kz',
    ]);
    const { body: card } = await getJson(`${running.appeals.url}/api/v1/appeals/${appeal.id}`);
    expect(card.timeline.map((entry: { kind: string }) => entry.kind)).toEqual([
      'registered',
      'routed',
      'reassigned',
      'reassigned',
    ]);
  });

  it('lets each role reach only what the access policy gives it, on every service process', async () => {
    const modules = {
      appeals: AppealsModule,
      routing: RoutingModule,
      notifications: NotificationsModule,
      stats: StatsModule,
    };
    for (const name of SERVICES) {
      expect(await accessViolations(running[name].url, accessPolicyOf(modules[name]))).toEqual([]);
    }
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
