import { STAFF_ROLES, StaffRole, UnitKind } from '@akimat/contracts';
import type { StaffClaims } from '@akimat/service-kit';
import directory from '../../apps/routing/src/directory/makhambet-directory.json';
import office from './demo-office-staff.json';

export interface DemoStaff extends StaffClaims {
  login: string;
}

const ROLE_OF_UNIT: Record<UnitKind, StaffRole> = {
  triage: 'chief_of_staff',
  department: 'department_head',
  rural_district: 'rural_akim',
};

/**
 * The demo staff: every unit head of the seeded directory (logged in by unit code; the triage desk's
 * head is the chief of staff, login "chief-of-staff") and the office staff listed beside it.
 */
export function demoStaff(): DemoStaff[] {
  const heads = directory.units.map((unit) => ({
    login: unit.kind === 'triage' ? 'chief-of-staff' : unit.code,
    sub: `demo:${unit.code}`,
    name: unit.head.name,
    position: unit.head.position,
    roles: [ROLE_OF_UNIT[unit.kind as UnitKind]],
    unit: unit.code,
    email: unit.head.email,
  }));
  const others = office.staff.map((person) => ({
    login: person.login,
    sub: `demo:${person.login}`,
    name: person.name,
    position: person.position,
    roles: person.roles.filter((role): role is StaffRole => (STAFF_ROLES as readonly string[]).includes(role)),
  }));
  return [...others.slice(0, 2), heads[0], ...others.slice(2), ...heads.slice(1)];
}
