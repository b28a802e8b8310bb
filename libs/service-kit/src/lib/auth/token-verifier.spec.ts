import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ServiceUnavailableException, UnauthorizedException } from '@nestjs/common';
import { BaseEnv } from '../config/base-env.schema';
import { ServiceConfig } from '../config/service-config';
import { signStaffToken, StaffClaims } from './staff-token';
import { TokenVerifier } from './token-verifier';

const keyPair = () =>
  generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
const office = keyPair();
const stranger = keyPair();

const config = (env: Partial<BaseEnv> = {}) =>
  ({
    AUTH_PUBLIC_KEY: office.publicKey,
    AUTH_ISSUER: 'akimat-demo-idp',
    AUTH_AUDIENCE: 'akimat',
    AUTH_ROLES_CLAIM: 'roles',
    ...env,
  }) as ServiceConfig;

const head: StaffClaims = {
  sub: 'u-42',
  name: 'Гүлнар Сапарова',
  position: 'Бөлім басшысы',
  roles: ['department_head'],
  unit: 'housing-inspection',
};
const sign = (claims: object, options: { expiresIn?: number; issuer?: string; key?: string } = {}) =>
  signStaffToken(claims as StaffClaims, { privateKeyPem: options.key ?? office.privateKey, ...options });

async function refusal(verifier: TokenVerifier, token: string): Promise<string> {
  const error = await verifier.verify(token).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UnauthorizedException);
  return (error as Error).message;
}

describe('TokenVerifier', () => {
  const verifier = new TokenVerifier(config());

  it('reads who signed in from a valid token: subject, name, position, roles, unit', async () => {
    await expect(verifier.verify(sign(head))).resolves.toEqual({
      id: 'u-42',
      name: 'Гүлнар Сапарова',
      position: 'Бөлім басшысы',
      roles: ['department_head'],
      unit: 'housing-inspection',
    });
  });

  it('refuses an expired token, a token signed by another key, another issuer or a non-RS256 token', async () => {
    expect(await refusal(verifier, sign(head, { expiresIn: -60 }))).toBe('the token has expired');
    expect(await refusal(verifier, sign(head, { key: stranger.privateKey }))).toBe(
      "the token's signature is not valid",
    );
    expect(await refusal(verifier, sign(head, { issuer: 'someone-else' }))).toBe(
      "the token's iss claim is not accepted",
    );
    const [, payload] = sign(head).split('.');
    const unsigned = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${payload}.`;
    expect(await refusal(verifier, unsigned)).toMatch(/RS256|not a valid/);
    expect(await refusal(verifier, 'not.a.token')).toBe('the token is not a valid signed token');
  });

  it('refuses a token whose name is missing, and a unit head whose token names no unit', async () => {
    expect(await refusal(verifier, sign({ ...head, name: undefined }))).toMatch(/name claim/);
    expect(await refusal(verifier, sign({ ...head, unit: undefined }))).toMatch(/unit claim/);
  });

  it('keeps only roles the office knows, and reads them where the identity provider puts them', async () => {
    const keycloak = new TokenVerifier(config({ AUTH_ROLES_CLAIM: 'realm_access.roles' }));
    const token = sign({ sub: 'k', name: 'Operator', realm_access: { roles: ['operator', 'offline_access'] } });
    await expect(keycloak.verify(token)).resolves.toMatchObject({ roles: ['operator'] });
    await expect(verifier.verify(sign({ sub: 'x', name: 'X', roles: ['superuser'] }))).resolves.toMatchObject({
      roles: [],
    });
  });

  it("verifies against the identity provider's key set (JWKS URL), as with Keycloak", async () => {
    const jwk = { ...createPublicKey(office.publicKey).export({ format: 'jwk' }), alg: 'RS256', use: 'sig', kid: 'k1' };
    const idp = createServer((_, res) =>
      res.setHeader('content-type', 'application/json').end(JSON.stringify({ keys: [jwk] })),
    );
    await new Promise<void>((resolve) => idp.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(idp.address() as AddressInfo).port}/certs`;
      const jwks = new TokenVerifier(config({ AUTH_PUBLIC_KEY: undefined, AUTH_JWKS_URL: url }));
      await expect(jwks.verify(sign(head))).resolves.toMatchObject({ id: 'u-42', unit: 'housing-inspection' });
      expect(await refusal(jwks, sign(head, { key: stranger.privateKey }))).toMatch(
        /signature is not valid|key is not known/,
      );
    } finally {
      idp.close();
    }
  });

  it('reuses a checked token until it expires, then refuses it', async () => {
    const fresh = new TokenVerifier(config());
    const token = sign(head, { expiresIn: 2 });
    const first = await fresh.verify(token);
    await expect(fresh.verify(token)).resolves.toBe(first);
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    expect(await refusal(fresh, token)).toBe('the token has expired');
  });

  it('answers 503, not 401, while the identity provider cannot be reached', async () => {
    const down = new TokenVerifier(config({ AUTH_PUBLIC_KEY: undefined, AUTH_JWKS_URL: 'http://127.0.0.1:9/certs' }));
    const error = await down.verify(sign(head)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceUnavailableException);
  });

  it('will not start without a key or key set', async () => {
    await expect(new TokenVerifier(config({ AUTH_PUBLIC_KEY: undefined })).onModuleInit()).rejects.toThrow(
      /AUTH_PUBLIC_KEY.*AUTH_JWKS_URL/,
    );
  });
});
