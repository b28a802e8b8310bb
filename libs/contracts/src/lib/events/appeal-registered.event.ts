import { z } from 'zod';
import { categoryCodeSchema, channelSchema, contactSchema, staffSchema, unitCodeSchema } from './common.schema';

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
  /**
   * The resident's phone and e-mail sealed for notifications alone (AES-256-GCM, RESIDENT_CONTACT_KEY),
   * when appeals has that key: `resident` then carries only name and language.
   */
  sealedContact: z
    .string()
    .regex(/^v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/)
    .max(2000)
    .optional(),
  text: z.string().min(1).max(5000),
  /**
   * Whether the answer clocks run. False for an anonymous appeal unless it concerns a crime or a
   * threat to public safety (the law's one exception). Absent means true (older producers).
   */
  answerRequired: z.boolean().optional(),
  /** The open-dialogue reception session it was recorded in, if any. */
  receptionSessionId: z.uuid().optional(),
  /** The official who received it. */
  receivedBy: staffSchema.optional(),
});
export type AppealRegisteredV1 = z.infer<typeof appealRegisteredV1>;
