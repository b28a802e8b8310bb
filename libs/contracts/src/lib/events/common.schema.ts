import { z } from 'zod';

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
  phone: z.string().regex(/^\+7\d{10}$/).optional(),
  language: languageSchema,
});
export type Contact = z.infer<typeof contactSchema>;
