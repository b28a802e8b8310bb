import { z } from 'zod';
import { officeCalendarEnvSchema } from '@akimat/office-calendar';
import { baseEnvSchema, outboxEnvSchema, residentContactKeySchema } from '@akimat/service-kit';

export const appealsEnvSchema = baseEnvSchema
  .extend(outboxEnvSchema.shape)
  .extend(officeCalendarEnvSchema.shape)
  .extend({
    HTTP_PORT: z.coerce.number().int().min(1).max(65535).default(3001),
    /** First part of registration numbers, e.g. MAH-2026-000123. */
    REGISTRATION_PREFIX: z
      .string()
      .regex(/^[A-Z]{2,8}$/)
      .default('MAH'),
    /** Where the receipt tells residents to follow their appeal. */
    PUBLIC_TRACKING_URL: z.url().default('http://localhost:8080/track'),
    /** The law's cap on extending the full-answer term, counted from registration (Art. 76: 2 months). */
    EXTENSION_CAP_MONTHS: z.coerce.number().int().min(1).max(12).default(2),
    /** How long after the full answer a resident may say "not resolved". */
    REOPEN_WINDOW_DAYS: z.coerce.number().int().min(1).max(365).default(30),
    /** Resident tracking calls allowed per client (IP) per minute, against guessing codes. */
    TRACKING_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(30),
    /** Seals residents' phone and e-mail in `appeal.registered` for notifications (same key there). */
    RESIDENT_CONTACT_KEY: residentContactKeySchema,
  });

export type AppealsEnv = z.infer<typeof appealsEnvSchema>;
