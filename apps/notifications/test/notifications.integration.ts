import { ContactSeal } from '@akimat/service-kit';
import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { bootstrapService } from '@akimat/service-kit';
import { asStaff, freePort, queryRows, waitFor } from '@akimat/testing';
import { ContactBook } from '../src/contacts/contact-book.service';
import { DeliveryQueue } from '../src/deliveries/delivery-queue.service';
import { queueName } from '../src/deliveries/delivery-settings';
import { chiefOfStaff, housingHead, resident } from '../src/notices/notice-events.fixture';
import { NotificationsHarness, notificationsService, setClock, startNotifications } from './notifications-test-kit';

describe('notifications: events to SMTP, SMS gateway and in-app (real Kafka, PostgreSQL, Redis)', () => {
  let n: NotificationsHarness;
  let phoneSeq = 1000000;
  const newResident = () => ({ ...resident, email: `r${++phoneSeq}@example.kz`, phone: `+7701${phoneSeq}` });

  beforeAll(async () => {
    n = await startNotifications();
  });

  afterAll(() => n?.close());

  it('tells the resident the registration number by e-mail and SMS, and the head the task in-app and by e-mail', async () => {
    const appealId = n.newAppealId();
    const who = newResident();
    await n.publish('appeal.registered', { appealId, resident: who });
    await n.publish('appeal.routed', { appealId });

    const [sms] = await waitFor(
      'the registration SMS',
      () => n.gateway.to(who.phone).length === 1 && n.gateway.to(who.phone),
    );
    expect(sms.text).toContain('MAH-2026-000123');
    expect(sms.text).toContain('https://akimat.example.kz/track/MAH-2026-000123');
    expect(sms.authorization).toBe('Bearer test-token');
    await waitFor('the registration e-mail', () => n.smtp.to(who.email).length === 1);
    await waitFor('the head’s e-mail', () => n.smtp.to(housingHead.email).length === 1);

    const deliveries = await waitFor('every delivery sent', async () => {
      const items = await n.deliveries(appealId);
      return items.length === 4 && items.every((item) => item.status === 'sent') && items;
    });
    expect(deliveries.map((d) => [d['kind'], d['channel'], d['recipient'], d['attempts']]).sort()).toEqual([
      ['registered', 'email', who.email, 1],
      ['registered', 'sms', who.phone, 1],
      ['routed', 'email', housingHead.email, 1],
      ['routed', 'in_app', housingHead.email, 0],
    ]);
    const emailed = deliveries.find((d) => d['channel'] === 'email' && d['kind'] === 'routed');
    expect(n.smtp.to(housingHead.email).map((mail) => mail.deliveryId)).toContain(emailed?.['id']);

    const { body: inbox } = await asStaff(n.http()).get(`/api/v1/inbox?recipient=${housingHead.email}`).expect(200);
    expect(inbox.items[0]).toMatchObject({ appealId, kind: 'routed', channel: 'in_app', language: 'kk' });
    expect(inbox.items[0].body).toContain('Қысқа жауап: 28.11.2026 11:30 дейін');
    const { body: notices } = await asStaff(n.http()).get(`/api/v1/notifications?appealId=${appealId}`).expect(200);
    expect(notices.items).toEqual([
      expect.objectContaining({ appealId, channel: 'in_app', recipient: housingHead.email }),
    ]);
    const { body: byRecipient } = await asStaff(n.http())
      .get(`/api/v1/deliveries?recipient=${encodeURIComponent(who.phone)}`)
      .expect(200);
    expect(byRecipient.items).toHaveLength(1);
    await asStaff(n.http()).get('/api/v1/deliveries').expect(400);
  });

  it('sends the answers to the resident it remembers, then the survey invitation', async () => {
    const appealId = n.newAppealId();
    const who = { ...newResident(), email: undefined };
    await n.publish('appeal.registered', { appealId, resident: who });
    await n.publish('appeal.brief_answered', { appealId });
    await n.publish('appeal.full_answered', { appealId });
    const texts = await waitFor(
      'four SMS',
      () => n.gateway.to(who.phone).length === 4 && n.gateway.to(who.phone).map((sms) => sms.text),
    );
    expect(texts[1]).toContain('Комиссия 27 қарашада үйді тексереді.');
    // The answer and the survey invitation come from one event and leave the queue in either order.
    expect(texts.slice(2)).toEqual(
      expect.arrayContaining([
        expect.stringContaining('Шатыр жөнделді.'),
        expect.stringContaining('Жауаптың сапасын 1-ден 5-ке дейін бағалаңыз'),
      ]),
    );
    // Answers found the contact in memory; an instance that never saw the registration reads it from its table.
    const found = await n.app.get(DataSource).transaction((manager) => new ContactBook().residentOf(appealId, manager));
    expect(found).toEqual({ name: who.name, phone: who.phone, email: undefined, language: who.language });
  });

  it('opens the phone and e-mail appeals sealed, and remembers them for the answers', async () => {
    const appealId = n.newAppealId();
    const who = newResident();
    const seal = ContactSeal.fromEnv(process.env['RESIDENT_CONTACT_KEY']) as ContactSeal;
    const sealedContact = seal.seal({ phone: who.phone, email: who.email });
    await n.publish('appeal.registered', {
      appealId,
      resident: { name: who.name, language: who.language },
      sealedContact,
    });
    await n.publish('appeal.brief_answered', { appealId });
    await waitFor('registration and answer SMS', () => n.gateway.to(who.phone).length === 2);
    await waitFor('the registration e-mail', () => n.smtp.to(who.email).length >= 1);
    const found = await n.app.get(DataSource).transaction((manager) => new ContactBook().residentOf(appealId, manager));
    expect(found).toEqual({ name: who.name, phone: who.phone, email: who.email, language: who.language });
  });

  it('tells the chief of staff from its directory copy when a resident reopens an appeal, newest revision only', async () => {
    const triage = {
      code: 'chief-of-staff-triage',
      nameKk: 'Аппарат',
      nameRu: 'Аппарат',
      kind: 'triage' as const,
      active: true,
      changedAt: '2026-11-25T06:00:00.000Z',
    };
    const produce = (revision: number, head: typeof chiefOfStaff) =>
      n.probe.produce(
        `${n.service.topicPrefix}akimat.routing.events.v1`,
        {
          ...envelope('directory.unit_changed', triage.code, { ...triage, head, revision }),
        },
        triage.code,
      );
    await produce(2, chiefOfStaff);
    await produce(1, { ...chiefOfStaff, email: 'old-chief@makhambet.example.kz' });
    await waitFor(
      'the directory copy',
      async () =>
        (
          await queryRows(n.service.databaseUrl, 'SELECT 1 FROM processed_events WHERE type = $1', [
            'directory.unit_changed',
          ])
        ).length === 2,
    );
    const [unit] = await queryRows<{ revision: number }>(
      n.service.databaseUrl,
      'SELECT revision FROM directory_units WHERE code = $1',
      [triage.code],
    );
    expect(unit.revision).toBe(2);

    const appealId = n.newAppealId();
    await n.publish('appeal.reopened', { appealId });
    await waitFor('the chief of staff’s e-mail', () => n.smtp.to(chiefOfStaff.email).length === 1);
    const { body } = await asStaff(n.http()).get(`/api/v1/inbox?recipient=${chiefOfStaff.email}`).expect(200);
    expect(body.items[0]).toMatchObject({ appealId, kind: 'reopened' });
  });

  it('delivers once when the same event arrives three times', async () => {
    const appealId = n.newAppealId();
    const who = newResident();
    const event = await n.publish('appeal.registered', { appealId, resident: who });
    await n.probe.produce(`${n.service.topicPrefix}akimat.appeals.events.v1`, event, appealId);
    await n.probe.produce(`${n.service.topicPrefix}akimat.appeals.events.v1`, event, appealId);
    await waitFor('both messages', () => n.gateway.to(who.phone).length === 1 && n.smtp.to(who.email).length === 1);
    // A reconciliation pass re-adds waiting rows; the job id (the delivery id) keeps one job each.
    await n.app.get(DeliveryQueue).reconcile();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(n.gateway.to(who.phone)).toHaveLength(1);
    expect(n.smtp.to(who.email)).toHaveLength(1);
    expect(await n.deliveries(appealId)).toHaveLength(2);
    // Each row keeps the event's correlation id, which the worker logs when it sends.
    const rows = await queryRows<{ correlation_id: string }>(
      n.service.databaseUrl,
      'SELECT correlation_id FROM deliveries WHERE appeal_id = $1',
      [appealId],
    );
    expect(rows.map((row) => row.correlation_id)).toEqual([event.correlationId, event.correlationId]);
    // Both channels' queues show in /metrics.
    const { text: metrics } = await asStaff(n.app.getHttpServer()).get('/metrics').expect(200);
    for (const channel of ['email', 'sms'] as const) {
      expect(metrics).toMatch(
        new RegExp(`bullmq_queue_jobs\\{service="notifications",queue="${queueName(channel)}",state="waiting"\\} \\d+`),
      );
    }
  });

  it('marks a delivery failed with its reason after the last attempt', async () => {
    const appealId = n.newAppealId();
    const who = { ...newResident(), email: undefined };
    n.gateway.refuse(who.phone, Infinity);
    await n.publish('appeal.registered', { appealId, resident: who });
    const [delivery] = await waitFor(
      'the delivery given up',
      async () => {
        const items = await n.deliveries(appealId);
        return items[0]?.['status'] === 'failed' && items;
      },
      { timeoutMs: 20_000 },
    );
    expect(delivery).toMatchObject({ attempts: 6, lastError: 'SMS gateway answered 503' });
    expect(n.gateway.to(who.phone)).toHaveLength(0);
  });

  it('sends a waiting delivery whose job Redis lost, when the reconciler runs', async () => {
    const appealId = n.newAppealId();
    const phone = `+7701${++phoneSeq}`;
    const [row] = await queryRows<{ id: string }>(
      n.service.databaseUrl,
      `INSERT INTO deliveries (id, event_id, appeal_id, kind, audience, recipient, recipient_name, channel, language, subject, body, status, created_at)
       VALUES (gen_random_uuid(), gen_random_uuid(), $1, 'registered', 'resident', $2, 'Resident', 'sms', 'kk', 'Subject', 'Body', 'queued', now() - interval '1 minute')
       RETURNING id`,
      [appealId, phone],
    );
    expect(await n.app.get(DeliveryQueue).reconcile()).toBeGreaterThanOrEqual(1);
    await waitFor('the reconciled SMS', () => n.gateway.to(phone).length === 1);
    await waitFor('the row marked sent', async () => (await n.deliveries(appealId))[0]?.['status'] === 'sent');
    expect((await n.deliveries(appealId))[0]).toMatchObject({ id: row.id, attempts: 1 });
  });

  it('holds SMS to residents during quiet hours and sends e-mail at once', async () => {
    setClock(n.app, '2026-11-25T23:00:00');
    try {
      const appealId = n.newAppealId();
      const who = newResident();
      await n.publish('appeal.registered', { appealId, resident: who });
      await waitFor('the e-mail', () => n.smtp.to(who.email).length === 1);
      const sms = (await n.deliveries(appealId)).find((d) => d['channel'] === 'sms');
      expect(sms).toMatchObject({ status: 'queued', deliverAfter: '2026-11-26T03:00:00.000Z' });
      const job = await n.app.get(DeliveryQueue).queue('sms')?.getJob(String(sms?.['id']));
      expect(await job?.getState()).toBe('delayed');
      expect(job?.delay).toBeGreaterThan(8.9 * 3_600_000);
      expect(n.gateway.to(who.phone)).toHaveLength(0);

      // Morning comes: the held message goes out, once.
      setClock(n.app, '2026-11-26T08:01:00');
      await job?.promote();
      await waitFor('the SMS in the morning', () => n.gateway.to(who.phone).length === 1);
    } finally {
      setClock(n.app, '2026-11-25T12:00:00');
    }
  });

  it('holds an escalation to the chief of staff until the office opens, telling the unit head at once', async () => {
    setClock(n.app, '2026-11-27T19:00:00'); // a Friday, after closing
    try {
      const appealId = n.newAppealId();
      const chief = { ...chiefOfStaff, email: `chief-${appealId.slice(0, 8)}@makhambet.example.kz` };
      const head = { ...housingHead, email: `head-${appealId.slice(0, 8)}@makhambet.example.kz` };
      await n.publish('appeal.deadline_missed', { appealId, head, escalatedTo: chief });
      await waitFor('the head’s e-mail', () => n.smtp.to(head.email).length === 1);
      const held = await waitFor('the escalation rows', async () => {
        const rows = (await n.deliveries(appealId)).filter((d) => d['kind'] === 'deadline_escalated');
        return rows.length === 2 && rows;
      });
      // Monday 09:00 in Atyrau.
      expect(held.map((d) => [d['channel'], d['deliverAfter']]).sort()).toEqual([
        ['email', '2026-11-30T04:00:00.000Z'],
        ['in_app', '2026-11-30T04:00:00.000Z'],
      ]);
      const emailId = String(held.find((d) => d['channel'] === 'email')?.['id']);
      const job = await waitFor('the delayed escalation job', async () => {
        const found = await n.app.get(DeliveryQueue).queue('email')?.getJob(emailId);
        return found && (await found.getState()) === 'delayed' && found;
      });
      expect(job.delay).toBeGreaterThan(61 * 3_600_000);
      const inbox = async () =>
        (await asStaff(n.http()).get(`/api/v1/inbox?recipient=${chief.email}`).expect(200)).body.items;
      expect(await inbox()).toEqual([]);
      expect(n.smtp.to(chief.email)).toHaveLength(0);

      // The office opens: the held escalation shows in the inbox and its e-mail goes, once.
      setClock(n.app, '2026-11-30T09:01:00');
      expect(await inbox()).toEqual([expect.objectContaining({ appealId, kind: 'deadline_escalated' })]);
      await job.promote();
      await waitFor('the escalation e-mail at opening', () => n.smtp.to(chief.email).length === 1);
    } finally {
      setClock(n.app, '2026-11-25T12:00:00');
    }
  });

  it('sends one e-mail when two instances share the database, the group and the queues', async () => {
    // The second instance reads the environment at boot, before a test could set its clock.
    Object.assign(process.env, {
      HTTP_PORT: String(await freePort()),
      QUIET_HOURS_START: '00:00',
      QUIET_HOURS_END: '00:00',
    });
    const second: INestApplication = await bootstrapService(notificationsService);
    try {
      setClock(second, '2026-11-25T12:00:00');
      const appealId = n.newAppealId();
      const who = newResident();
      const event = await n.publish('appeal.registered', { appealId, resident: who });
      for (let i = 0; i < 3; i++)
        await n.probe.produce(`${n.service.topicPrefix}akimat.appeals.events.v1`, event, appealId);
      await Promise.all([n.app.get(DeliveryQueue).reconcile(), second.get(DeliveryQueue).reconcile()]);
      await waitFor('the e-mail', () => n.smtp.to(who.email).length === 1 && n.gateway.to(who.phone).length === 1);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(n.smtp.to(who.email)).toHaveLength(1);
      expect(n.gateway.to(who.phone)).toHaveLength(1);
    } finally {
      await second.close();
    }
  });
});

function envelope(type: string, subject: string, data: unknown) {
  return {
    id: crypto.randomUUID(),
    type,
    version: 1,
    occurredAt: new Date().toISOString(),
    producer: 'routing',
    correlationId: `corr-${subject}`,
    subject,
    data,
  };
}
