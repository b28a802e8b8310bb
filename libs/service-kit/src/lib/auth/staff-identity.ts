import { LEADERSHIP_ROLES, Staff, StaffRole, UNIT_HEAD_ROLES } from '@akimat/contracts';

/** The signed-in member of staff, as their verified token says. */
export interface StaffIdentity {
  /** The identity provider's subject: stable, not a name. */
  id: string;
  name: string;
  position?: string;
  roles: StaffRole[];
  /** The unit (directory code) a unit head answers for. */
  unit?: string;
  email?: string;
}

/** What events and records keep about who acted: name and position, nothing from the token. */
export const staffOf = (identity: StaffIdentity): Staff =>
  identity.position ? { name: identity.name, position: identity.position } : { name: identity.name };

export const hasAnyRole = (identity: StaffIdentity, roles: readonly StaffRole[]): boolean =>
  identity.roles.some((role) => roles.includes(role));

/**
 * The one unit whose appeals a unit head may see and act on, or null when no unit limits them
 * (leadership; other roles are limited by which endpoints admit them). Verification guarantees
 * that a unit head's token names a unit.
 */
export function unitScopeOf(identity: StaffIdentity): string | null {
  if (hasAnyRole(identity, LEADERSHIP_ROLES) || !hasAnyRole(identity, UNIT_HEAD_ROLES)) return null;
  return identity.unit ?? '';
}
