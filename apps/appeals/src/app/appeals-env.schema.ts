import { z } from 'zod';
import { baseEnvSchema, outboxEnvSchema } from '@akimat/service-kit';

export const appealsEnvSchema = baseEnvSchema.extend(outboxEnvSchema.shape).extend({
  HTTP_PORT: z.coerce.number().int().min(1).max(65535).default(3001),
  /** First part of registration numbers, e.g. MAH-2026-000123. */
  REGISTRATION_PREFIX: z.string().regex(/^[A-Z]{2,8}$/).default('MAH'),
  OFFICE_TIME_ZONE: z.string().default('Asia/Atyrau'),
});

export type AppealsEnv = z.infer<typeof appealsEnvSchema>;
