import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { STAFF_ROLES, type StaffRole, UNIT_HEAD_ROLES } from '@akimat/contracts';
import { signStaffToken } from '@akimat/service-kit';
import type { AccessPolicy } from './access-policy';
import { bearer, staffToken } from './acting-staff';

const PATH_VALUES: Record<string, string> = {
  id: randomUUID(),
  appealId: randomUUID(),
  code: 'housing-inspection',
  registrationNumber: 'MAH-2026-000001',
};

/** Tokens that must never get in: none, expired, signed by a stranger's key, unsigned. */
function refusedCredentials(): Record<string, Record<string, string>> {
  const stranger = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  const claims = { sub: 'intruder', name: 'Intruder', roles: [...STAFF_ROLES] };
  const [, payload] = staffToken(claims).split('.');
  return {
    'no token': {},
    'expired token': bearer(staffToken(claims, -60)),
    'wrong signature': bearer(signStaffToken(claims, { privateKeyPem: stranger.privateKey })),
    'unsigned (alg none)': bearer(`${Buffer.from('{"alg":"none"}').toString('base64url')}.${payload}.`),
  };
}

const tokenOf = (role: StaffRole) =>
  bearer(
    staffToken({
      sub: `matrix-${role}`,
      name: `Matrix ${role}`,
      roles: [role],
      ...(UNIT_HEAD_ROLES.includes(role) ? { unit: 'housing-inspection' } : {}),
    }),
  );

/**
 * Calls every route of a running service with each role's token and with refused credentials, and
 * lists each answer that breaks the policy: a role the route admits must get past access control
 * (any status but 401/403), any other role gets 403, refused credentials get 401, and public routes
 * answer without a token. Bodies are empty: an admitted caller gets 400 or 404, never a change.
 */
export async function accessViolations(baseUrl: string, policy: AccessPolicy): Promise<string[]> {
  const violations: string[] = [];
  const refused = refusedCredentials();
  for (const [route, admitted] of Object.entries(policy)) {
    const [method, template] = route.split(' ');
    const path = template.replace(/:(\w+)/g, (_, name: string) => PATH_VALUES[name] ?? 'x');
    const call = async (headers: Record<string, string>) => {
      const response = await fetch(`${baseUrl}${path}`, {
        method,
        headers: { ...headers, ...(method === 'GET' ? {} : { 'content-type': 'application/json' }) },
        ...(method === 'GET' ? {} : { body: '{}' }),
      });
      await response.arrayBuffer();
      return response.status;
    };
    if (admitted === 'public') {
      const status = await call({});
      if (status === 401 || status === 403)
        violations.push(`${route} is public but answered ${status} without a token`);
      continue;
    }
    for (const role of STAFF_ROLES) {
      const status = await call(tokenOf(role));
      const allowed = admitted !== 'no one' && admitted.includes(role);
      if (allowed && (status === 401 || status === 403)) violations.push(`${route} refused ${role} (${status})`);
      if (!allowed && status !== 403) violations.push(`${route} answered ${status} to ${role}, expected 403`);
    }
    for (const [name, headers] of Object.entries(refused)) {
      const status = await call(headers);
      if (status !== 401) violations.push(`${route} answered ${status} to ${name}, expected 401`);
    }
  }
  return violations;
}
