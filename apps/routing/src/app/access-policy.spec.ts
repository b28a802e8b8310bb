import { accessPolicyOf, ANY_STAFF, LEADERSHIP, roles, UNIT_HEADS } from '@akimat/testing';
import { AppModule } from './app.module';

/** Who may call what in routing (issue #10). A new endpoint fails this test until it is added here. */
const policy = {
  'GET /api/v1/rules': roles('admin', LEADERSHIP),
  'GET /api/v1/rules/:id': roles('admin', LEADERSHIP),
  'POST /api/v1/rules': roles('admin'),
  'PUT /api/v1/rules/:id': roles('admin'),
  'POST /api/v1/rules/:id/disable': roles('admin'),
  'POST /api/v1/rules/:id/enable': roles('admin'),
  'GET /api/v1/units': roles(ANY_STAFF),
  'GET /api/v1/units/:code': roles(ANY_STAFF),
  'POST /api/v1/units': roles('admin'),
  'PUT /api/v1/units/:code': roles('admin'),
  'POST /api/v1/appeals/:id/reassign': roles(LEADERSHIP, UNIT_HEADS),
  'GET /api/v1/assignments/:appealId': roles(LEADERSHIP, 'admin'),
  'GET /api/v1/audit': roles('chief_of_staff'),
  'GET /metrics': roles('ops'),
  'GET /health/live': 'public',
  'GET /health/ready': 'public',
};

describe('routing access policy', () => {
  it('every endpoint declares exactly the roles of the policy table (none admits no one by omission)', () => {
    expect(accessPolicyOf(AppModule)).toEqual(policy);
  });
});
