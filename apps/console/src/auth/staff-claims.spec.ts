import { fakeStaffToken } from '../testing/fake-token';
import { staffFromToken } from './staff-claims';

describe('staffFromToken', () => {
  it('reads name, roles and unit, with Cyrillic and Kazakh letters intact', () => {
    const staff = staffFromToken(
      fakeStaffToken({ name: 'Әсел Нұрланқызы', roles: ['department_head'], unit: 'housing-inspection' }),
    );
    expect(staff).toMatchObject({ name: 'Әсел Нұрланқызы', roles: ['department_head'], unit: 'housing-inspection' });
  });

  it('takes Keycloak realm roles and drops roles the system does not know', () => {
    const token = fakeStaffToken();
    const [header, , signature] = token.split('.');
    const payload = btoa(
      JSON.stringify({ sub: 'kc:1', name: 'A', exp: Date.now() / 1000 + 60, realm_access: { roles: ['operator', 'offline_access'] } }),
    );
    expect(staffFromToken(`${header}.${payload}.${signature}`)?.roles).toEqual(['operator']);
  });

  it('refuses an expired token and text that is not a token', () => {
    expect(staffFromToken(fakeStaffToken({}, -10))).toBeUndefined();
    expect(staffFromToken('not a token')).toBeUndefined();
    expect(staffFromToken('a.%%%.b')).toBeUndefined();
  });
});
