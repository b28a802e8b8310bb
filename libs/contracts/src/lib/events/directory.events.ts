import { z } from 'zod';
import { headSchema, isoInstantSchema, unitRefSchema } from './common.schema';

export const unitKindSchema = z.enum(['department', 'rural_district', 'triage']);
export type UnitKind = z.infer<typeof unitKindSchema>;

export const DIRECTORY_UNIT_CHANGED = 'directory.unit_changed';

/**
 * A unit of the directory was created or changed (subject = unit code). Carries the whole unit, so
 * other services (notifications) keep their own copy by applying the newest revision.
 */
export const directoryUnitChangedV1 = unitRefSchema.extend({
  kind: unitKindSchema,
  head: headSchema,
  active: z.boolean(),
  /** Increases with every change of this unit; a consumer ignores a revision older than its copy. */
  revision: z.number().int().positive(),
  changedAt: isoInstantSchema,
});
export type DirectoryUnitChangedV1 = z.infer<typeof directoryUnitChangedV1>;
