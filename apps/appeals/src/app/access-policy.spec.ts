import { accessPolicyOf, LEADERSHIP, roles, UNIT_HEADS } from '@akimat/testing';
import { AppModule } from './app.module';

/** Who may call what in appeals (issue #10). A new endpoint fails this test until it is added here. */
const policy = {
  'POST /api/v1/appeals': roles(LEADERSHIP, 'operator'),
  'GET /api/v1/appeals': roles(LEADERSHIP, UNIT_HEADS),
  'GET /api/v1/appeals/:id': roles(LEADERSHIP, UNIT_HEADS),
  'GET /api/v1/appeals/:id/receipt.pdf': roles(LEADERSHIP, UNIT_HEADS, 'operator'),
  'POST /api/v1/appeals/:id/brief-answer': roles(UNIT_HEADS, 'chief_of_staff'),
  'POST /api/v1/appeals/:id/full-answer': roles(UNIT_HEADS, 'chief_of_staff'),
  'POST /api/v1/appeals/:id/extend': roles(LEADERSHIP),
  'POST /api/v1/appeals/:id/forward': roles(LEADERSHIP, UNIT_HEADS),
  'POST /api/v1/appeals/:id/outside-competence': roles(LEADERSHIP, UNIT_HEADS),
  'POST /api/v1/appeals/:id/extension-notice': roles(LEADERSHIP, UNIT_HEADS),
  'POST /api/v1/appeals/:id/close': roles(LEADERSHIP, UNIT_HEADS),
  'GET /api/v1/categories': roles(LEADERSHIP, UNIT_HEADS, 'operator'),
  'POST /api/v1/reception-sessions': roles(LEADERSHIP, 'operator'),
  'GET /api/v1/reception-sessions': roles(LEADERSHIP, 'operator'),
  'GET /api/v1/reception-sessions/:id': roles(LEADERSHIP, 'operator'),
  'POST /api/v1/service-visits': roles(LEADERSHIP, 'operator'),
  'GET /api/v1/service-visits/catalogue': roles(LEADERSHIP, 'operator'),
  'GET /api/v1/track/:registrationNumber': 'public',
  'POST /api/v1/track/:registrationNumber/not-resolved': 'public',
  'POST /api/v1/track/:registrationNumber/feedback': 'public',
  'GET /api/v1/audit': roles('chief_of_staff'),
  'GET /metrics': roles('ops'),
  'GET /health/live': 'public',
  'GET /health/ready': 'public',
};

describe('appeals access policy', () => {
  it('every endpoint declares exactly the roles of the policy table (none admits no one by omission)', () => {
    expect(accessPolicyOf(AppModule)).toEqual(policy);
  });
});
