import { z } from 'zod';
import { isoInstantSchema, staffSchema } from './common.schema';

const catalogueCodeSchema = z.string().regex(/^[a-z][a-z0-9_]{1,63}$/);

export const SERVICE_RENDERED = 'service.rendered';

/** A walk-in state service was rendered at the office (the first direction of the brief). */
export const serviceRenderedV1 = z.object({
  visitId: z.uuid(),
  sector: catalogueCodeSchema,
  service: catalogueCodeSchema,
  renderedAt: isoInstantSchema,
  renderedBy: staffSchema.optional(),
});
export type ServiceRenderedV1 = z.infer<typeof serviceRenderedV1>;
