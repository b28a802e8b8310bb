import { asStaff, waitFor } from '@akimat/testing';
import { notificationsEnvSchema } from '../src/app/notifications-env.schema';
import { resident } from '../src/notices/notice-events.fixture';
import { NotificationsHarness, startNotifications } from './notifications-test-kit';

// Production's number of tries with every wait scaled down, so five minutes take fifteen seconds.
const ATTEMPTS = notificationsEnvSchema.shape.DELIVERY_ATTEMPTS.parse(undefined);
const BACKOFF_MS = 100;
const SCALE = BACKOFF_MS / notificationsEnvSchema.shape.DELIVERY_BACKOFF_MS.parse(undefined);
const FIVE_MINUTES_SCALED_MS = 5 * 60_000 * SCALE;
const RESIDENTS = 5;

describe('notifications: an SMS gateway down for five minutes (real HTTP gateway, Kafka, PostgreSQL, Redis)', () => {
  let n: NotificationsHarness;

  beforeAll(async () => {
    n = await startNotifications({ DELIVERY_ATTEMPTS: String(ATTEMPTS), DELIVERY_BACKOFF_MS: String(BACKOFF_MS) });
  });

  afterAll(() => n?.close());

  it('delays every message until the gateway is back, sends each once and marks none failed', async () => {
    const residents = Array.from({ length: RESIDENTS }, (_, i) => ({
      ...resident,
      email: undefined,
      phone: `+770200000${i}0`,
    }));
    const appealIds = residents.map(() => n.newAppealId());
    // First it answers 503 to everyone, then it is gone altogether (connections refused).
    for (const { phone } of residents) n.gateway.refuse(phone, Infinity);
    for (const [i, who] of residents.entries())
      await n.publish('appeal.registered', { appealId: appealIds[i], resident: who });
    const rows = async () => (await Promise.all(appealIds.map((id) => n.deliveries(id)))).flat();
    await waitFor('every first try refused', async () => {
      const items = await rows();
      return items.length === RESIDENTS && items.every((item) => item['status'] === 'retrying');
    });
    await new Promise((resolve) => setTimeout(resolve, FIVE_MINUTES_SCALED_MS / 5));
    await n.gateway.down();
    for (const { phone } of residents) n.gateway.refuse(phone, 0);
    await new Promise((resolve) => setTimeout(resolve, (FIVE_MINUTES_SCALED_MS * 4) / 5));
    expect(n.gateway.received).toHaveLength(0);
    expect((await rows()).filter((item) => item['status'] === 'failed')).toEqual([]);
    await n.gateway.up();

    await waitFor('every SMS after the outage', () => residents.every(({ phone }) => n.gateway.to(phone).length > 0), {
      timeoutMs: 60_000,
    });
    const sent = await waitFor('every delivery marked sent', async () => {
      const items = await rows();
      return items.every((item) => item['status'] === 'sent') && items;
    });
    // Time for a duplicate to show up, were there one.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    for (const { phone } of residents) expect(n.gateway.to(phone)).toHaveLength(1);
    for (const delivery of sent) {
      expect(delivery).toMatchObject({ status: 'sent', lastError: null });
      // The outage spanned at least five backoff steps, and the last try was not needed.
      expect(delivery['attempts']).toBeGreaterThanOrEqual(6);
      expect(delivery['attempts']).toBeLessThanOrEqual(ATTEMPTS);
    }
    const { text: metrics } = await asStaff(n.http()).get('/metrics').expect(200);
    expect(metrics).toMatch(/notifications_deliveries_retrying_total\{channel="sms"\} [1-9]/);
    expect(metrics).toMatch(/notifications_deliveries_sent_total\{channel="sms"\} [1-9]/);
    expect(metrics).not.toMatch(/notifications_deliveries_failed_total\{channel="sms"\} [1-9]/);
  }, 120_000);
});
