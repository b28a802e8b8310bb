import { z } from 'zod';
import { baseEnvSchema, outboxEnvSchema } from '@akimat/service-kit';

export const routingEnvSchema = baseEnvSchema.extend(outboxEnvSchema.shape).extend({
  HTTP_PORT: z.coerce.number().int().min(1).max(65535).default(3002),
  /** Whether a reassigned appeal's answer clocks start again; by default they run on from registration. */
  REASSIGNMENT_RESTARTS_DEADLINES: z.stringbool().default(false),
});

export type RoutingEnv = z.infer<typeof routingEnvSchema>;
