import { z } from 'zod';
import { baseEnvSchema } from '@akimat/service-kit';

export const notificationsEnvSchema = baseEnvSchema.extend({
  HTTP_PORT: z.coerce.number().int().min(1).max(65535).default(3003),
});

export type NotificationsEnv = z.infer<typeof notificationsEnvSchema>;
