import { z } from 'zod';
import { contactSchema, unitCodeSchema, unitKindSchema } from '@akimat/contracts';
import { ruleConditionsSchema } from '../rules/rule-conditions.schema';
import seedFile from './makhambet-directory.json';

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
    rules: z.array(
      ruleConditionsSchema.extend({
        id: z.uuid(),
        name: z.string().min(1).max(200),
        priority: z.number().int(),
        targetUnitCode: unitCodeSchema,
      }),
    ),
  })
  .refine((seed) => seed.units.some((unit) => unit.code === seed.triageUnitCode), 'the triage unit must be listed')
  .refine(
    (seed) => seed.rules.every((rule) => seed.units.some((unit) => unit.code === rule.targetUnitCode)),
    'every rule must name a listed unit',
  );

export type DirectorySeed = z.infer<typeof directorySeedSchema>;

/** The demo directory and rules, checked when the service starts: a broken data file stops it at once. */
export const directorySeed: DirectorySeed = directorySeedSchema.parse(seedFile);
