import { LEADERSHIP_ROLES, STAFF_ROLES, type StaffRole, UNIT_HEAD_ROLES } from '@akimat/contracts';

/** Role lists for writing expected access policies, sorted as `accessPolicyOf` reports them. */
export const roles = (...groups: (StaffRole | readonly StaffRole[])[]): StaffRole[] =>
  [...new Set(groups.flat())].sort();
export const LEADERSHIP = LEADERSHIP_ROLES;
export const UNIT_HEADS = UNIT_HEAD_ROLES;
export const ANY_STAFF = STAFF_ROLES;
