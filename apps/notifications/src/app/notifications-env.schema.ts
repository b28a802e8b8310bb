import { z } from 'zod';
import { officeCalendarEnvSchema } from '@akimat/office-calendar';
import { baseEnvSchema, redisEnvSchema, residentContactKeySchema } from '@akimat/service-kit';

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);
const clockTime = (fallback: string) =>
  z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:mm')
    .default(fallback);
/** Empty means "not configured": the channel is off and no deliveries are created for it. */
const optionalText = z.string().trim().default('');

export const notificationsEnvSchema = baseEnvSchema.extend({
  ...redisEnvSchema.shape,
  /** The office's time zone (dates in notices, quiet hours) and hours (escalations to staff wait for them). */
  ...officeCalendarEnvSchema.shape,
  HTTP_PORT: z.coerce.number().int().min(1).max(65535).default(3003),
  /** Opens residents' phone and e-mail sealed by appeals in `appeal.registered` (the same key as there). */
  RESIDENT_CONTACT_KEY: residentContactKeySchema,
  SMTP_HOST: optionalText,
  SMTP_PORT: positiveInt(587),
  SMTP_SECURE: z.stringbool().default(false),
  SMTP_USER: optionalText,
  SMTP_PASS: optionalText,
  SMTP_FROM: z.string().min(3).default('Open Akimat <no-reply@makhambet.example.kz>'),
  SMS_GATEWAY_URL: z.union([z.literal(''), z.url({ protocol: /^https?$/ })]).default(''),
  SMS_GATEWAY_TOKEN: optionalText,
  /** Tries of one delivery, the first included; with the default backoff 10 tries span ~17 minutes. */
  DELIVERY_ATTEMPTS: positiveInt(10),
  /** First retry delay; doubles with each try. */
  DELIVERY_BACKOFF_MS: positiveInt(2_000),
  DELIVERY_CONCURRENCY: positiveInt(20),
  EMAIL_RATE_PER_SECOND: positiveInt(20),
  SMS_RATE_PER_SECOND: positiveInt(100),
  /** How often rows still waiting are (re-)enqueued: covers a crash after commit and lost Redis data. */
  DELIVERY_RECONCILE_INTERVAL_MS: positiveInt(30_000),
  /** SMS to residents waits while local time is in [start, end); equal values switch quiet hours off. */
  QUIET_HOURS_START: clockTime('22:00'),
  QUIET_HOURS_END: clockTime('08:00'),
  /** Where residents follow their appeal; the notice appends the registration number. */
  PUBLIC_TRACKING_URL: z.url().default('http://localhost:3001/api/v1/track'),
});

export type NotificationsEnv = z.infer<typeof notificationsEnvSchema>;
