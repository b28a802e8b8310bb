import { z } from 'zod';
import { baseEnvSchema } from '@akimat/service-kit';

export const statsEnvSchema = baseEnvSchema.extend({
  HTTP_PORT: z.coerce.number().int().min(1).max(65535).default(3004),
});

export type StatsEnv = z.infer<typeof statsEnvSchema>;
