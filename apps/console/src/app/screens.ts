import { LEADERSHIP_ROLES, StaffRole, UNIT_HEAD_ROLES } from '@akimat/contracts/browser';

/** The staff screens and who may open each (the same roles the services admit to their calls). */
export const SCREENS = [
  { key: 'reception', path: '/reception', roles: [...LEADERSHIP_ROLES, 'operator'] },
  { key: 'walkIn', path: '/walk-in', roles: [...LEADERSHIP_ROLES, 'operator'] },
  { key: 'inbox', path: '/inbox', roles: [...UNIT_HEAD_ROLES, ...LEADERSHIP_ROLES] },
  { key: 'dashboard', path: '/dashboard', roles: [...LEADERSHIP_ROLES] },
] as const satisfies readonly { key: string; path: string; roles: readonly StaffRole[] }[];

export type ScreenKey = (typeof SCREENS)[number]['key'];

export function screen(key: ScreenKey) {
  return SCREENS.find((candidate) => candidate.key === key)!;
}

export function screensFor(roles: readonly StaffRole[]) {
  return SCREENS.filter((candidate) => candidate.roles.some((role) => roles.includes(role)));
}

/** Where a person lands after signing in: heads their inbox, the chief of staff the dashboard. */
export function homeFor(roles: readonly StaffRole[]): string | undefined {
  if (roles.some((role) => UNIT_HEAD_ROLES.includes(role))) return screen('inbox').path;
  if (roles.includes('chief_of_staff')) return screen('dashboard').path;
  return screensFor(roles)[0]?.path;
}
