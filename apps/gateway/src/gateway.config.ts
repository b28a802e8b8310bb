import { z } from 'zod';

const optionalPath = z.preprocess((value) => (value === '' ? undefined : value), z.string().optional());
const serviceUrl = (fallback: string) => z.url({ protocol: /^https?$/ }).default(fallback);

/** The gateway's environment: where the four services and the built console are. */
export const gatewayEnvSchema = z
  .object({
    /** Like the services' (npm start maps GATEWAY_PORT to it). */
    HTTP_PORT: z.coerce.number().int().min(1).max(65535).default(8080),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    APPEALS_URL: serviceUrl('http://127.0.0.1:3001'),
    ROUTING_URL: serviceUrl('http://127.0.0.1:3002'),
    NOTIFICATIONS_URL: serviceUrl('http://127.0.0.1:3003'),
    STATS_URL: serviceUrl('http://127.0.0.1:3004'),
    /** The console's built files (index.html and assets/). */
    CONSOLE_DIR: z.string().min(1).default('dist/apps/console'),
    /**
     * Demo sign-in: the local demo identity provider's private key (PEM file). Set, the gateway lists
     * the demo staff and signs their tokens; unset (production, a real identity provider), it does not.
     */
    DEMO_SIGNING_KEY_FILE: optionalPath,
    /** … and who may sign in there: a JSON list of demo staff (`npm run -s staff-token -- list --json`). */
    DEMO_STAFF_FILE: optionalPath,
    /** How long one call to a service may take before the console is told it is unavailable (504). */
    UPSTREAM_TIMEOUT_MS: z.coerce.number().int().positive().default(30_000),
  })
  .refine((env) => !env.DEMO_SIGNING_KEY_FILE === !env.DEMO_STAFF_FILE, {
    message: 'DEMO_SIGNING_KEY_FILE and DEMO_STAFF_FILE go together (demo sign-in needs both)',
    path: ['DEMO_STAFF_FILE'],
  });

export type GatewayConfig = z.infer<typeof gatewayEnvSchema>;

/** The services behind the gateway, by the path prefix the console calls them under: /svc/<name>/api/v1/… */
export function upstreamsOf(config: GatewayConfig): Record<string, string> {
  return {
    appeals: config.APPEALS_URL,
    routing: config.ROUTING_URL,
    notifications: config.NOTIFICATIONS_URL,
    stats: config.STATS_URL,
  };
}
