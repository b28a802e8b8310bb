import { generateKeyPairSync } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { STAFF_ROLES, type StaffRole } from '@akimat/contracts';
import { signStaffToken, type StaffClaims } from '@akimat/service-kit';

const DEMO_PRIVATE_KEY = join(__dirname, '../../../../.infra/auth/private.pem');

/**
 * Gives this test process a signing key of its own: services started from it (in process or as
 * child processes) verify with AUTH_PUBLIC_KEY, and the helpers below sign with the private half.
 */
export function useTestSigningKeys(): void {
  if (process.env['TEST_AUTH_PRIVATE_KEY']) return;
  const { publicKey, privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  process.env['TEST_AUTH_PRIVATE_KEY'] = privateKey;
  process.env['AUTH_PUBLIC_KEY'] = publicKey;
}

/** The test key, or else the local demo identity provider's (`npm start` makes it), for benches. */
function signingKey(): string {
  const key = process.env['TEST_AUTH_PRIVATE_KEY'];
  if (key) return key;
  if (existsSync(DEMO_PRIVATE_KEY)) return readFileSync(DEMO_PRIVATE_KEY, 'utf8');
  throw new Error('no signing key: call useTestSigningKeys() or run `npm start` once to make the demo key');
}

/** A signed staff token; `expiresIn` in seconds (negative: already expired). */
export function staffToken(claims: Partial<StaffClaims> & { roles: StaffRole[] }, expiresIn?: number): string {
  return signStaffToken(
    { sub: claims.sub ?? `test-${claims.roles.join('-') || 'none'}`, name: claims.name ?? 'Test staff', ...claims },
    { privateKeyPem: signingKey(), expiresIn },
  );
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/**
 * The headers of a signed-in member of staff. Feature tests act with every role (access is tested
 * on its own, role by role); pass `roles` and `unit` to act as one person.
 */
export function actingAs(
  name: string,
  position?: string,
  access: { roles?: StaffRole[]; unit?: string; email?: string } = {},
): Record<string, string> {
  const key = JSON.stringify([name, position, access, process.env['TEST_AUTH_PRIVATE_KEY']?.length]);
  let headers = signed.get(key);
  if (!headers) {
    const roles = access.roles ?? [...STAFF_ROLES];
    headers = bearer(
      staffToken({ sub: `test:${name}`, name, roles, ...(position ? { position } : {}), ...omitEmpty(access) }),
    );
    signed.set(key, headers);
  }
  return headers;
}

/** Signing costs a millisecond or two; load tests ask for the same person thousands of times. */
const signed = new Map<string, Record<string, string>>();

function omitEmpty(access: { unit?: string; email?: string }) {
  return { ...(access.unit ? { unit: access.unit } : {}), ...(access.email ? { email: access.email } : {}) };
}
