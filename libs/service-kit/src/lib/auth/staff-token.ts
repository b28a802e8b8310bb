import { createPrivateKey, randomUUID, sign } from 'node:crypto';
import type { StaffRole } from '@akimat/contracts';

export interface StaffClaims {
  sub: string;
  name: string;
  roles: StaffRole[];
  position?: string;
  unit?: string;
  email?: string;
}

export interface SigningOptions {
  privateKeyPem: string;
  issuer?: string;
  audience?: string;
  /** Seconds from now; negative gives an already expired token (tests). */
  expiresIn?: number;
}

const base64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');

/**
 * Signs a staff token (compact JWS, RS256), as the demo identity provider: `npm run staff-token`
 * and the tests. Production tokens come from the office's identity provider; services only verify.
 * Synchronous so test fixtures can be plain constants.
 */
export function signStaffToken(claims: StaffClaims, options: SigningOptions): string {
  const now = Math.floor(Date.now() / 1000);
  const header = base64url(JSON.stringify({ alg: 'RS256', typ: 'JWT' }));
  const payload = base64url(
    JSON.stringify({
      ...claims,
      iss: options.issuer ?? 'akimat-demo-idp',
      aud: options.audience ?? 'akimat',
      iat: now,
      exp: now + (options.expiresIn ?? 8 * 3600),
      jti: randomUUID(),
    }),
  );
  const signature = sign('RSA-SHA256', Buffer.from(`${header}.${payload}`), createPrivateKey(options.privateKeyPem));
  return `${header}.${payload}.${base64url(signature)}`;
}
