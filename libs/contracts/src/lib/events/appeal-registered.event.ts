import { z } from 'zod';
import { categoryCodeSchema, channelSchema, contactSchema, unitCodeSchema } from './common.schema';

export const APPEAL_REGISTERED = 'appeal.registered';

/** An appeal card was accepted and registered (Administrative Procedural Code, Art. 64). */
export const appealRegisteredV1 = z.object({
  appealId: z.uuid(),
  registrationNumber: z.string().min(1).max(40),
  registeredAt: z.iso.datetime({ offset: false }),
  category: categoryCodeSchema,
  channel: channelSchema,
  locality: z.string().min(1).max(100).optional(),
  /** The unit the receiving official chose on the spot; wins over routing rules. */
  preferredUnitCode: unitCodeSchema.optional(),
  anonymous: z.boolean(),
  /** How to reach the resident; absent for anonymous appeals. The IIN never leaves appeals. */
  resident: contactSchema.optional(),
  text: z.string().min(1).max(5000),
});
export type AppealRegisteredV1 = z.infer<typeof appealRegisteredV1>;
