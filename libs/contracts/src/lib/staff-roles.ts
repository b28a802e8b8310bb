import { z } from 'zod';
import { STAFF_ROLES } from './staff-role-names';

export * from './staff-role-names';
export const staffRoleSchema = z.enum(STAFF_ROLES);
