import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { OutboxRelay } from '@akimat/service-kit';
import { actingAs, asStaff, RunningService, startServiceForTest, waitFor } from '@akimat/testing';
import { AppModule } from '../src/app/app.module';
import { appealsEnvSchema } from '../src/app/appeals-env.schema';

const RETENTION_HOURS = 48;

describe('outbox retention: sent rows past OUTBOX_RETENTION_HOURS are deleted, nothing else (real PostgreSQL)', () => {
  let service: RunningService;
  let db: DataSource;

  beforeAll(async () => {
    // The poll is a minute away, so a row written behind the relay's back stays unsent during the test.
    service = await startServiceForTest(
      { serviceName: 'appeals', envSchema: appealsEnvSchema, appModule: AppModule },
      { OUTBOX_RETENTION_HOURS: String(RETENTION_HOURS), OUTBOX_POLL_INTERVAL_MS: '60000' },
    );
    db = service.app.get(DataSource);
  });

  afterAll(async () => {
    await db?.query('DELETE FROM outbox_events WHERE sent_at IS NULL');
    await service?.close();
  });

  const register = async () => {
    const { body } = await asStaff(service.app.getHttpServer())
      .post('/api/v1/appeals')
      .set(actingAs('Қуаныш Ерғалиев', 'Аудан әкімі'))
      .send({ category: 'housing', channel: 'walk_in', anonymous: true, text: 'Шатыр ағып тұр' })
      .expect(201);
    return body.id as string;
  };
  const outboxRowOf = async (appealId: string) =>
    (await db.query('SELECT sent_at FROM outbox_events WHERE key = $1', [appealId]))[0] as
      | { sent_at: Date | null }
      | undefined;

  it('deletes the rows sent longer ago than the retention, keeps recent and unsent ones', async () => {
    const [old, recent] = [await register(), await register()];
    await waitFor('both registered events sent', async () => {
      const rows = await Promise.all([outboxRowOf(old), outboxRowOf(recent)]);
      return rows.every((row) => row?.sent_at);
    });
    await db.query(`UPDATE outbox_events SET sent_at = now() - interval '49 hours' WHERE key = $1`, [old]);
    await db.query(`UPDATE outbox_events SET sent_at = now() - interval '47 hours' WHERE key = $1`, [recent]);
    const unsent = randomUUID();
    await db.query(
      `INSERT INTO outbox_events (id, topic, key, type, payload, correlation_id, created_at)
       VALUES ($1, 'appeals.events', $2, 'appeal.registered', '{}', $2, now() - interval '30 days')`,
      [unsent, unsent],
    );

    expect(await service.app.get(OutboxRelay).pruneSent()).toBe(1);

    expect(await outboxRowOf(old)).toBeUndefined();
    expect((await outboxRowOf(recent))?.sent_at).toBeInstanceOf(Date);
    expect(await outboxRowOf(unsent)).toEqual({ sent_at: null });
  });
});
