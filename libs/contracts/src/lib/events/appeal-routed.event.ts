import { z } from 'zod';
import { categoryCodeSchema, contactSchema, unitCodeSchema } from './common.schema';

export const APPEAL_ROUTED = 'appeal.routed';

/** Routing decided which unit answers the appeal. Self-contained: carries the head's contact. */
export const appealRoutedV1 = z.object({
  appealId: z.uuid(),
  registrationNumber: z.string().min(1).max(40),
  category: categoryCodeSchema,
  routedAt: z.iso.datetime({ offset: false }),
  unit: z.object({
    code: unitCodeSchema,
    nameKk: z.string().min(1),
    nameRu: z.string().min(1),
  }),
  head: contactSchema,
  /** Why this unit: `preferred-unit`, `category:<code>` or `triage`. */
  reason: z.string().min(1).max(500),
});
export type AppealRoutedV1 = z.infer<typeof appealRoutedV1>;
