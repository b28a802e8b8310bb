import request from 'supertest';
import type { App } from 'supertest/types';
import { actingAs } from './acting-staff';

/**
 * supertest against a service, signed in as a member of staff with every role (what feature tests
 * need; access itself is tested role by role). `.set(...)` on a request still overrides the token.
 */
export const asStaff = (server: App, headers: Record<string, string> = everyRole()) =>
  request.agent(server).set(headers);

let cached: Record<string, string> | undefined;
function everyRole(): Record<string, string> {
  cached ??= actingAs('Test staff', 'Every role');
  return cached;
}
