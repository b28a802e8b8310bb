import type { StaffRole } from '@akimat/contracts/browser';

const base64url = (value: object) =>
  btoa(String.fromCharCode(...new TextEncoder().encode(JSON.stringify(value))))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

/**
 * An unsigned token with staff claims, for component tests: the console only reads claims (the
 * services verify signatures, which their own tests cover).
 */
export function fakeStaffToken(
  claims: { name?: string; roles?: StaffRole[]; unit?: string; position?: string } = {},
  expiresInSeconds = 3600,
  sub = 'test:staff',
): string {
  const payload = {
    sub,
    name: claims.name ?? 'Тест Қызметкер',
    roles: claims.roles ?? ['akim'],
    unit: claims.unit,
    position: claims.position,
    exp: Math.floor(Date.now() / 1000) + expiresInSeconds,
  };
  return `${base64url({ alg: 'RS256', typ: 'JWT' })}.${base64url(payload)}.signature`;
}
