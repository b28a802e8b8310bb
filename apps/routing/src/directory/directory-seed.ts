import { z } from 'zod';
import { contactSchema, unitCodeSchema } from '@akimat/contracts';
import seedFile from './makhambet-directory.json';

export const unitKindSchema = z.enum(['triage', 'department', 'rural_district']);

const directorySeedSchema = z
  .object({
    triageUnitCode: unitCodeSchema,
    units: z.array(
      z.object({
        code: unitCodeSchema,
        kind: unitKindSchema,
        nameKk: z.string().min(1),
        nameRu: z.string().min(1),
        head: contactSchema.extend({ position: z.string().min(1) }),
      }),
    ),
    categoryRoutes: z.record(z.string(), unitCodeSchema),
  })
  .refine((seed) => seed.units.some((unit) => unit.code === seed.triageUnitCode), 'the triage unit must be listed')
  .refine(
    (seed) => Object.values(seed.categoryRoutes).every((code) => seed.units.some((unit) => unit.code === code)),
    'every category route must name a listed unit',
  );

export type DirectorySeed = z.infer<typeof directorySeedSchema>;

/** The demo directory, checked when the service starts: a broken data file stops it at once. */
export const directorySeed: DirectorySeed = directorySeedSchema.parse(seedFile);
