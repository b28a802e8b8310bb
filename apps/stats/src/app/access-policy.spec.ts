import { accessPolicyOf, LEADERSHIP, roles } from '@akimat/testing';
import { AppModule } from './app.module';

/** Who may call what in stats (issue #10). A new endpoint fails this test until it is added here. */
const policy = {
  'GET /api/v1/stats/summary': roles(LEADERSHIP),
  'GET /api/v1/stats/breakdown': roles(LEADERSHIP),
  'GET /api/v1/stats/report': roles(LEADERSHIP),
  'GET /api/v1/stats/report.html': roles(LEADERSHIP),
  'GET /api/v1/audit': roles('chief_of_staff'),
  'GET /metrics': roles('ops'),
  'GET /health/live': 'public',
  'GET /health/ready': 'public',
};

describe('stats access policy', () => {
  it('every endpoint declares exactly the roles of the policy table (none admits no one by omission)', () => {
    expect(accessPolicyOf(AppModule)).toEqual(policy);
  });
});
