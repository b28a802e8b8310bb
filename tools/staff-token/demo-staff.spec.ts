import { generateKeyPairSync } from 'node:crypto';
import { type ServiceConfig, signStaffToken, TokenVerifier } from '@akimat/service-kit';
import directory from '../../apps/routing/src/directory/makhambet-directory.json';
import { demoStaff } from './demo-staff';

describe('demo staff for `npm run staff-token`', () => {
  const keys = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  const verifier = new TokenVerifier({
    AUTH_PUBLIC_KEY: keys.publicKey,
    AUTH_ISSUER: 'akimat-demo-idp',
    AUTH_AUDIENCE: 'akimat',
    AUTH_ROLES_CLAIM: 'roles',
  } as ServiceConfig);

  it('has every head of the seeded directory for his unit, and one person for each office role', () => {
    const staff = demoStaff();
    for (const unit of directory.units) {
      expect(staff).toContainEqual(expect.objectContaining({ name: unit.head.name, unit: unit.code }));
    }
    const roles = new Set(staff.flatMap((person) => person.roles));
    expect([...roles].sort()).toEqual(
      ['admin', 'akim', 'chief_of_staff', 'deputy_akim', 'department_head', 'operator', 'ops', 'rural_akim'].sort(),
    );
    expect(new Set(staff.map((person) => person.login)).size).toBe(staff.length);
  });

  it('mints tokens every service accepts, with the person’s roles and unit', async () => {
    for (const { login, ...claims } of demoStaff()) {
      expect(login).toBeTruthy();
      const identity = await verifier.verify(signStaffToken(claims, { privateKeyPem: keys.privateKey }));
      expect(identity).toMatchObject({ id: claims.sub, name: claims.name, roles: claims.roles });
      expect(identity.unit).toBe(claims.unit);
    }
  });
});
