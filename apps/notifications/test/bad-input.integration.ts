import { accessPolicyOf, accessViolations, actingAs, asStaff, baseUrlOf, fuzzService } from '@akimat/testing';
import { NotificationsHarness, startNotifications } from './notifications-test-kit';
import { AppModule } from '../src/app/app.module';

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
      validHeaders: actingAs('Fuzzer'),
      validQueries: {
        'GET /api/v1/deliveries': [{ appealId }, { recipient: '+77011234567' }],
        'GET /api/v1/inbox': [{ recipient: 'unit:housing-inspection' }],
        'GET /api/v1/notifications': [{ appealId }],
      },
    });
    expect(failures).toEqual([]);
    await asStaff(notifications.http()).get('/health/live').expect(200);
  }, 600_000);
  it('lets in only the roles each endpoint declares: 403 for other roles, 401 for no, expired, forged or unsigned tokens', async () => {
    expect(await accessViolations(baseUrlOf(notifications.app), accessPolicyOf(AppModule))).toEqual([]);
  }, 120_000);
});
