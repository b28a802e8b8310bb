import { Client } from 'pg';
import { RELAY_LOCK_KEY } from '@akimat/service-kit';
import { queryRows, waitFor } from '@akimat/testing';
import { AppealsHarness, startAppeals, walkIn } from './appeals-test-kit';

const RELAY_CONNECTION = 'appeals-outbox-relay';

describe('outbox relay: one instance relays, holding the lock on its own connection (real PostgreSQL and Kafka)', () => {
  let appeals: AppealsHarness;

  beforeAll(async () => {
    appeals = await startAppeals();
  });

  afterAll(async () => {
    await appeals?.close();
  });

  const register = async () => (await appeals.register(walkIn)).id;
  const published = (appealId: string) => appeals.eventsOf(appealId).length > 0;
  /** Who holds the relay lock (and who waits for it), by connection name. */
  const lockHolders = async () =>
    queryRows<{ application_name: string; granted: boolean }>(
      appeals.service.databaseUrl,
      `SELECT a.application_name, l.granted FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
        WHERE l.locktype = 'advisory' AND l.objid = $1 AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
      [RELAY_LOCK_KEY],
    );

  it('keeps the lock on the relay connection between passes', async () => {
    await waitFor('the relay to take its lock', async () =>
      (await lockHolders()).some((holder) => holder.application_name === RELAY_CONNECTION && holder.granted),
    );
    const id = await register();
    await waitFor('appeal.registered on Kafka', () => published(id));
    expect(await lockHolders()).toEqual([{ application_name: RELAY_CONNECTION, granted: true }]);
  });

  it('stands by while another holds the lock, takes over when it is freed, and survives its connection being cut', async () => {
    const databaseUrl = appeals.service.databaseUrl;
    const other = new Client({ connectionString: databaseUrl, application_name: 'another-instance' });
    await other.connect();
    try {
      // Queued behind the relay, the other instance gets the lock the moment the relay's connection dies.
      const otherLocked = other.query('SELECT pg_advisory_lock($1)', [RELAY_LOCK_KEY]);
      await waitFor('the other instance waiting', async () => (await lockHolders()).some((holder) => !holder.granted));
      await queryRows(
        databaseUrl,
        'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1',
        [RELAY_CONNECTION],
      );
      await otherLocked;

      const id = await register();
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(published(id)).toBe(false);
      const [row] = await queryRows<{ sent_at: Date | null }>(
        databaseUrl,
        'SELECT sent_at FROM outbox_events WHERE key = $1',
        [id],
      );
      expect(row.sent_at).toBeNull();

      await other.query('SELECT pg_advisory_unlock($1)', [RELAY_LOCK_KEY]);
      await waitFor('appeal.registered on Kafka once the lock is free', () => published(id));
      expect(await lockHolders()).toEqual([{ application_name: RELAY_CONNECTION, granted: true }]);
    } finally {
      await other.end();
    }
  });
});
