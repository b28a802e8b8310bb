/**
 * Who a member of staff is to the system (issue #10). Leadership (akim, deputy akims, chief of staff)
 * records and sees every appeal; unit heads (department heads, rural-district akims) see and answer
 * their own unit's; operators record appeals and walk-in services; admins keep the directory and
 * rules; ops watch metrics, dead letters and queues.
 */
export const STAFF_ROLES = [
  'akim',
  'deputy_akim',
  'chief_of_staff',
  'department_head',
  'rural_akim',
  'operator',
  'admin',
  'ops',
] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** Roles that see and act on every unit's appeals; anyone else is held to the unit in the token. */
export const LEADERSHIP_ROLES: readonly StaffRole[] = ['akim', 'deputy_akim', 'chief_of_staff'];
/** Roles that answer for one unit and need the unit claim. */
export const UNIT_HEAD_ROLES: readonly StaffRole[] = ['department_head', 'rural_akim'];
