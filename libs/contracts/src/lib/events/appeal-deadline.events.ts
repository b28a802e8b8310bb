import { z } from 'zod';
import { categoryCodeSchema, deadlineKindSchema, headSchema, isoInstantSchema, unitRefSchema } from './common.schema';

const deadlineFacts = {
  appealId: z.uuid(),
  registrationNumber: z.string().min(1).max(40),
  category: categoryCodeSchema,
  unit: unitRefSchema,
  head: headSchema,
  /** Which answer the clock waits for. */
  deadline: deadlineKindSchema,
  dueAt: isoInstantSchema,
};

export const APPEAL_DEADLINE_APPROACHING = 'appeal.deadline_approaching';
/** A reminder before a due time (e.g. at 50 %, 80 % of the term and 2 hours before). */
export const appealDeadlineApproachingV1 = z.object({
  ...deadlineFacts,
  /** Which reminder this is, e.g. `50%`, `80%`, `2h`. */
  reminder: z.string().min(1).max(20),
});
export type AppealDeadlineApproachingV1 = z.infer<typeof appealDeadlineApproachingV1>;

export const APPEAL_DEADLINE_MISSED = 'appeal.deadline_missed';
/** The due time passed without the answer; a missed full answer escalates to the chief of staff. */
export const appealDeadlineMissedV1 = z.object({
  ...deadlineFacts,
  escalatedTo: headSchema.optional(),
});
export type AppealDeadlineMissedV1 = z.infer<typeof appealDeadlineMissedV1>;
