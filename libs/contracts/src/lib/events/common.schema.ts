import { z } from 'zod';
import { ANSWER_OUTCOMES } from '../appeal-states';

export const languageSchema = z.enum(['kk', 'ru']);
export type Language = z.infer<typeof languageSchema>;

export const channelSchema = z.enum(['reception', 'walk_in', 'phone', 'online']);
export type AppealChannel = z.infer<typeof channelSchema>;

/** Category codes are data (a catalogue owned by appeals), so any well-formed code is accepted. */
export const categoryCodeSchema = z.string().regex(/^[a-z][a-z0-9_]{1,63}$/);

export const unitCodeSchema = z.string().regex(/^[a-z][a-z0-9-]{1,63}$/);

export const contactSchema = z.object({
  name: z.string().min(1).max(200),
  email: z.email().optional(),
  phone: z
    .string()
    .regex(/^\+7\d{10}$/)
    .optional(),
  language: languageSchema,
});
export type Contact = z.infer<typeof contactSchema>;

export const isoInstantSchema = z.iso.datetime({ offset: false });

/** A unit as other services need to show it, in both languages. */
export const unitRefSchema = z.object({
  code: unitCodeSchema,
  nameKk: z.string().min(1).max(300),
  nameRu: z.string().min(1).max(300),
});
export type UnitRef = z.infer<typeof unitRefSchema>;

/** The head of a unit: contact plus position, so a notice can address them properly. */
export const headSchema = contactSchema.extend({ position: z.string().min(1).max(200).optional() });
export type Head = z.infer<typeof headSchema>;

/** A member of staff who acted (recorded, answered, extended…). Staff names are not residents' data. */
export const staffSchema = z.object({
  name: z.string().min(1).max(200),
  position: z.string().min(1).max(200).optional(),
});
export type Staff = z.infer<typeof staffSchema>;

/**
 * The answer clocks the law and the office's promise set (Administrative Procedural Code, Art. 76):
 * brief answer (3 days), full answer (15 working days), forwarding and extension notice (3 working days).
 */
export const deadlineKindSchema = z.enum(['brief_answer', 'full_answer', 'forwarding', 'extension_notice']);
export type DeadlineKind = z.infer<typeof deadlineKindSchema>;

export const deadlineSchema = z.object({ kind: deadlineKindSchema, dueAt: isoInstantSchema });
export type Deadline = z.infer<typeof deadlineSchema>;

/** How a full answer decided the matter; a refusal carries its reasons. */
export const answerOutcomeSchema = z.enum(ANSWER_OUTCOMES);
