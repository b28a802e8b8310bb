import { z } from 'zod';
import { baseEnvSchema, outboxEnvSchema } from '@akimat/service-kit';

export const routingEnvSchema = baseEnvSchema.extend(outboxEnvSchema.shape).extend({
  HTTP_PORT: z.coerce.number().int().min(1).max(65535).default(3002),
});

export type RoutingEnv = z.infer<typeof routingEnvSchema>;
