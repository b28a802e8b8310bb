import { StaffIdentity, staffOf, unitScopeOf } from './staff-identity';

const person = (roles: StaffIdentity['roles'], unit?: string): StaffIdentity => ({
  id: 'x',
  name: 'Name',
  roles,
  ...(unit ? { unit } : {}),
});

describe('unitScopeOf', () => {
  it.each([
    [['department_head'], 'housing-inspection', 'housing-inspection'],
    [['rural_akim'], 'rd-almaly', 'rd-almaly'],
    [['chief_of_staff'], 'chief-of-staff-triage', null],
    [['department_head', 'deputy_akim'], 'education', null],
    [['akim'], undefined, null],
    [['operator'], undefined, null],
    [['admin'], undefined, null],
  ] as const)('roles %j with unit %s see %s', (roles, unit, scope) => {
    expect(unitScopeOf(person([...roles], unit))).toBe(scope);
  });

  it('holds a unit head without a unit to no unit at all (the verifier refuses such tokens anyway)', () => {
    expect(unitScopeOf(person(['department_head']))).toBe('');
  });
});

describe('staffOf', () => {
  it('keeps only name and position for records and events, nothing else from the token', () => {
    expect(
      staffOf({
        id: 's',
        name: 'Ержан',
        position: 'Аппарат басшысы',
        roles: ['chief_of_staff'],
        unit: 'u',
        email: 'e@x.kz',
      }),
    ).toEqual({
      name: 'Ержан',
      position: 'Аппарат басшысы',
    });
  });
});
