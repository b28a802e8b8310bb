import { z } from 'zod';
import { categoryCodeSchema, deadlineSchema, headSchema, isoInstantSchema, unitRefSchema } from './common.schema';

/** Which rule (and which version of it) decided; absent when the official's choice or triage did. */
export const matchedRuleSchema = z.object({
  id: z.uuid(),
  version: z.number().int().positive(),
  name: z.string().min(1).max(200),
});
export type MatchedRule = z.infer<typeof matchedRuleSchema>;

export const APPEAL_ROUTED = 'appeal.routed';

/** Routing decided which unit answers the appeal. Self-contained: carries the head's contact. */
export const appealRoutedV1 = z.object({
  appealId: z.uuid(),
  registrationNumber: z.string().min(1).max(40),
  category: categoryCodeSchema,
  routedAt: isoInstantSchema,
  unit: unitRefSchema,
  head: headSchema,
  /** Why this unit, in words: `preferred-unit`, `rule:<name>` or `triage`, with detail. */
  reason: z.string().min(1).max(500),
  rule: matchedRuleSchema.optional(),
  /** Every answer clock of the appeal (empty when none runs, e.g. an anonymous appeal). */
  deadlines: z.array(deadlineSchema).max(10).default([]),
});
export type AppealRoutedV1 = z.infer<typeof appealRoutedV1>;

export const APPEAL_REASSIGNED = 'appeal.reassigned';

/** The appeal moved to another unit ("not ours", or the chief of staff decided). */
export const appealReassignedV1 = z.object({
  appealId: z.uuid(),
  registrationNumber: z.string().min(1).max(40),
  category: categoryCodeSchema,
  reassignedAt: isoInstantSchema,
  fromUnit: unitRefSchema,
  unit: unitRefSchema,
  head: headSchema,
  reason: z.string().min(1).max(2000),
  reassignedBy: z.object({ name: z.string().min(1).max(200), position: z.string().max(200).optional() }),
  /** The clocks after reassignment (restarted or kept, as configured). */
  deadlines: z.array(deadlineSchema).max(10).default([]),
});
export type AppealReassignedV1 = z.infer<typeof appealReassignedV1>;
