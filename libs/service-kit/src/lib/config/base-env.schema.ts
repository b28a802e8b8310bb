import { z } from 'zod';

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);
const unsetWhenEmpty = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

/** Variables every service reads. Each app extends this with its own. */
export const baseEnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HTTP_PORT: z.coerce.number().int().min(1).max(65535),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }),
  KAFKA_BROKERS: z
    .string()
    .regex(/^[^,\s]+:\d+(,[^,\s]+:\d+)*$/, 'must be host:port[,host:port…]')
    .default('127.0.0.1:9092'),
  KAFKA_CLIENT_ID: z.string().min(1).optional(),
  /** Instances of one service share a group; Nest appends "-server" to it. */
  KAFKA_GROUP_ID: z.string().min(1).optional(),
  /** Isolates parallel environments (tests) on one broker. */
  KAFKA_TOPIC_PREFIX: z
    .string()
    .regex(/^[a-zA-Z0-9._-]*$/)
    .default(''),
  KAFKA_TOPIC_PARTITIONS: positiveInt(3),
  /** Attempts at one event before it goes to the dead-letter topic. */
  EVENT_MAX_ATTEMPTS: positiveInt(5),
  /** Events of one partition applied in one database transaction (1 = one transaction per event). */
  EVENT_BATCH_SIZE: positiveInt(100),
  /** Handled offsets are committed this often (a crash redelivers at most this much; consumers skip repeats). */
  KAFKA_COMMIT_INTERVAL_MS: positiveInt(1_000),
  /** On SIGTERM/SIGINT the service closes in order; past this it exits anyway (within the orchestrator's 10 s). */
  SHUTDOWN_TIMEOUT_MS: positiveInt(8_000),
  /** Staff tokens (RS256) are checked against this public key (PEM, SPKI; empty: unset) … */
  AUTH_PUBLIC_KEY: unsetWhenEmpty(z.string().includes('PUBLIC KEY', { message: 'must be a PEM public key' })),
  /** … or against the identity provider's key set (e.g. Keycloak's …/protocol/openid-connect/certs). */
  AUTH_JWKS_URL: unsetWhenEmpty(z.url({ protocol: /^https?$/ })),
  AUTH_ISSUER: z.string().min(1).default('akimat-demo-idp'),
  AUTH_AUDIENCE: z.string().min(1).default('akimat'),
  /** Where the token keeps its roles, as a dotted path (Keycloak: realm_access.roles). */
  AUTH_ROLES_CLAIM: z
    .string()
    .regex(/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/)
    .default('roles'),
  /**
   * Behind a proxy (the console's gateway, an ingress): which hops to trust for the client's address
   * in X-Forwarded-For, as Express takes it ("loopback", a CIDR list, or a hop count). Unset: none, so
   * a client cannot pick its own address for the tracking rate limit or the audit trail.
   */
  TRUST_PROXY: unsetWhenEmpty(
    z
      .string()
      .regex(/^[\w.:/, -]+$/, 'must be "loopback", addresses or CIDRs separated by commas, or a hop count')
      .transform((value) => (/^\d+$/.test(value) ? Number(value) : value)),
  ),
});

export const outboxEnvSchema = z.object({
  OUTBOX_POLL_INTERVAL_MS: positiveInt(200),
  OUTBOX_BATCH_SIZE: positiveInt(500),
  /** Sent rows are kept this long (to see what left when), then deleted; Kafka keeps the events. */
  OUTBOX_RETENTION_HOURS: positiveInt(168),
});

export type BaseEnv = z.infer<typeof baseEnvSchema>;
export type OutboxEnv = z.infer<typeof outboxEnvSchema>;

/** For services with timers or delivery queues (BullMQ on Redis). */
export const redisEnvSchema = z.object({
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).default('redis://127.0.0.1:6379'),
  /** Prefix of every BullMQ key; isolates environments (and test files) sharing one Redis. */
  QUEUE_PREFIX: z
    .string()
    .regex(/^[a-zA-Z0-9._:-]+$/)
    .default('akimat'),
});

export type RedisEnv = z.infer<typeof redisEnvSchema>;
