import { accessPolicyOf, ANY_STAFF, LEADERSHIP, roles } from '@akimat/testing';
import { AppModule } from './app.module';

/** Who may call what in notifications (issue #10). A new endpoint fails this test until it is added here. */
const policy = {
  'GET /api/v1/deliveries': roles(LEADERSHIP, 'ops'),
  'GET /api/v1/inbox': roles(ANY_STAFF),
  'GET /api/v1/notifications': roles(LEADERSHIP),
  'GET /api/v1/audit': roles('chief_of_staff'),
  'GET /metrics': roles('ops'),
  'GET /health/live': 'public',
  'GET /health/ready': 'public',
};

describe('notifications access policy', () => {
  it('every endpoint declares exactly the roles of the policy table (none admits no one by omission)', () => {
    expect(accessPolicyOf(AppModule)).toEqual(policy);
  });
});
