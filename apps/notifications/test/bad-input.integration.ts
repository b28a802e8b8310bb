import request from 'supertest';
import { baseUrlOf, fuzzService } from '@akimat/testing';
import { NotificationsHarness, startNotifications } from './notifications-test-kit';

/** Issue #9 bad-input suite: every HTTP endpoint of notifications, fuzzed; never a 5xx, never a crash. */
describe('notifications under hostile HTTP input (real PostgreSQL, Kafka and Redis)', () => {
  let notifications: NotificationsHarness;

  beforeAll(async () => {
    notifications = await startNotifications();
  });

  afterAll(() => notifications?.close());

  it('answers every endpoint with < 500 and a JSON reason for 4xx, and stays live', async () => {
    const registered = await notifications.publish('appeal.registered');
    await notifications.waitForHandled(registered.id);

    const appealId = registered.subject;
    const failures = await fuzzService(baseUrlOf(notifications.app), {
      validQueries: {
        'GET /api/v1/deliveries': [{ appealId }, { recipient: '+77011234567' }],
        'GET /api/v1/inbox': [{ recipient: 'unit:housing-inspection' }],
        'GET /api/v1/notifications': [{ appealId }],
      },
    });
    expect(failures).toEqual([]);
    await request(notifications.http()).get('/health/live').expect(200);
  }, 600_000);
});
