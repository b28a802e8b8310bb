import { z } from 'zod';
import {
  answerOutcomeSchema,
  categoryCodeSchema,
  isoInstantSchema,
  staffSchema,
  unitCodeSchema,
} from './common.schema';

/**
 * What every lifecycle event repeats so a consumer can act on it alone (stats counts per unit and
 * category without joining topics; notifications addresses the unit without asking appeals).
 */
const appealFacts = {
  appealId: z.uuid(),
  registrationNumber: z.string().min(1).max(40),
  category: categoryCodeSchema,
  /** The unit answering at the time of the event; absent before routing decided. */
  unitCode: unitCodeSchema.optional(),
};

const answerFacts = {
  ...appealFacts,
  answeredAt: isoInstantSchema,
  author: staffSchema,
  text: z.string().min(1).max(10000),
  /** The due time routing published; absent when no clock ran (e.g. an anonymous appeal). */
  dueAt: isoInstantSchema.optional(),
  /** Answered by the due time; absent when there was no due time. */
  onTime: z.boolean().optional(),
  /** Hours from registration to this answer. */
  hoursFromRegistration: z.number().nonnegative(),
};

export const APPEAL_BRIEF_ANSWERED = 'appeal.brief_answered';
/** The unit gave the brief answer (the office's 3-day promise). */
export const appealBriefAnsweredV1 = z.object(answerFacts);
export type AppealBriefAnsweredV1 = z.infer<typeof appealBriefAnsweredV1>;

export const APPEAL_FULL_ANSWERED = 'appeal.full_answered';
/** The unit gave the full answer (15 working days, Art. 76); a refusal states its reasons. */
export const appealFullAnsweredV1 = z.object({
  ...answerFacts,
  outcome: answerOutcomeSchema,
  refusalReasons: z.string().min(1).max(5000).optional(),
  /** Answered again after the resident said "not resolved". */
  afterReopening: z.boolean(),
});
export type AppealFullAnsweredV1 = z.infer<typeof appealFullAnsweredV1>;

export const APPEAL_EXTENDED = 'appeal.extended';
/** The head extended the full-answer term by a reasoned decision; the resident must be told. */
export const appealExtendedV1 = z.object({
  ...appealFacts,
  extendedAt: isoInstantSchema,
  extendedBy: staffSchema,
  previousDueAt: isoInstantSchema.optional(),
  newDueAt: isoInstantSchema,
  reason: z.string().min(1).max(2000),
});
export type AppealExtendedV1 = z.infer<typeof appealExtendedV1>;

export const APPEAL_FORWARDED = 'appeal.forwarded';
/** Outside the akimat's competence: sent to another state body; the resident must be told. */
export const appealForwardedV1 = z.object({
  ...appealFacts,
  forwardedAt: isoInstantSchema,
  forwardedBy: staffSchema,
  body: z.string().min(1).max(300),
  reason: z.string().min(1).max(2000),
});
export type AppealForwardedV1 = z.infer<typeof appealForwardedV1>;

export const APPEAL_OUTSIDE_COMPETENCE = 'appeal.outside_competence';
/**
 * The unit's head recorded that the matter is outside the akimat's competence: it must be forwarded
 * to the competent body within 3 working days of registration (Art. 76), which `appeal.forwarded` does.
 */
export const appealOutsideCompetenceV1 = z.object({
  ...appealFacts,
  decidedAt: isoInstantSchema,
  decidedBy: staffSchema,
  reason: z.string().min(1).max(2000),
});
export type AppealOutsideCompetenceV1 = z.infer<typeof appealOutsideCompetenceV1>;

/** How the resident was told of an extension. */
export const extensionNoticeChannelSchema = z.enum(['sms', 'email', 'letter', 'in_person']);
export type ExtensionNoticeChannel = z.infer<typeof extensionNoticeChannelSchema>;

export const APPEAL_EXTENSION_NOTIFIED = 'appeal.extension_notified';
/** Staff recorded that the resident was told of the extension (due within 3 working days of it, Art. 76). */
export const appealExtensionNotifiedV1 = z.object({
  ...appealFacts,
  channel: extensionNoticeChannelSchema,
  /** When the resident was told (the letter sent, the call made). */
  sentAt: isoInstantSchema,
  recordedAt: isoInstantSchema,
  recordedBy: staffSchema,
  /** The due time of the extension the notice was about. */
  newDueAt: isoInstantSchema.optional(),
});
export type AppealExtensionNotifiedV1 = z.infer<typeof appealExtensionNotifiedV1>;

export const APPEAL_REOPENED = 'appeal.reopened';
/** The resident said "not resolved" within 30 days of the full answer: back to the unit, chief of staff told. */
export const appealReopenedV1 = z.object({
  ...appealFacts,
  reopenedAt: isoInstantSchema,
  comment: z.string().min(1).max(2000),
});
export type AppealReopenedV1 = z.infer<typeof appealReopenedV1>;

export const APPEAL_CLOSED = 'appeal.closed';
export const appealClosedV1 = z.object({
  ...appealFacts,
  closedAt: isoInstantSchema,
  closedBy: staffSchema,
});
export type AppealClosedV1 = z.infer<typeof appealClosedV1>;

export const APPEAL_FEEDBACK_GIVEN = 'appeal.feedback_given';
/** The anonymous satisfaction survey: carries no identity of the resident. */
export const appealFeedbackGivenV1 = z.object({
  ...appealFacts,
  givenAt: isoInstantSchema,
  rating: z.number().int().min(1).max(5),
  comment: z.string().min(1).max(2000).optional(),
});
export type AppealFeedbackGivenV1 = z.infer<typeof appealFeedbackGivenV1>;
