import { z } from 'zod';
import { durationSchema, officeCalendarEnvSchema } from '@akimat/office-calendar';
import { baseEnvSchema, outboxEnvSchema, redisEnvSchema } from '@akimat/service-kit';
import { isExactDuration } from '../deadlines/clock-plan';

/** `0.5,0.8`: the parts of a term after which a reminder goes out; empty for none. */
const fractionsSchema = z
  .string()
  .transform((text) => (text.trim() === '' ? [] : text.split(',').map((part) => Number(part.trim()))))
  .pipe(z.array(z.number().gt(0, 'each fraction must be above 0').lt(1, 'each fraction must be below 1')).max(5));

/** `2h` or `2h,1d`: reminders this long before the due time; empty for none. */
const beforeSchema = z
  .string()
  .transform((text) =>
    text
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean),
  )
  .pipe(
    z
      .array(durationSchema)
      .max(5)
      .refine((list) => list.every(isExactDuration), 'use s, m, h or d (working days and months cannot count back)'),
  );

export const deadlineEnvSchema = z.object({
  /** The office's promise: a brief answer within 3 calendar days. */
  BRIEF_ANSWER_DURATION: durationSchema.prefault('3d'),
  /** Administrative Procedural Code Art. 76: a full answer within 15 working days. */
  FULL_ANSWER_DURATION: durationSchema.prefault('15wd'),
  /** Art. 76: an appeal outside the akimat's competence is forwarded within 3 working days. */
  FORWARDING_DURATION: durationSchema.prefault('3wd'),
  /** Art. 76: the resident is told of an extension within 3 working days. */
  EXTENSION_NOTICE_DURATION: durationSchema.prefault('3wd'),
  /** Art. 76: extensions end at most 2 months after registration (enforced by appeals; informational here). */
  EXTENSION_CAP: durationSchema.prefault('2mo'),
  REMINDER_FRACTIONS: fractionsSchema.prefault('0.5,0.8'),
  REMINDER_BEFORE: beforeSchema.prefault('2h'),
  /** Reminders wait for office hours; tests switch it off so the wall clock cannot move them. */
  OFFICE_HOURS_APPLY_TO_REMINDERS: z.stringbool().default(true),
  /** How often every pending clock is checked to have its BullMQ job (a full pass only when Redis lost data). */
  CLOCK_RECONCILE_INTERVAL_MS: z.coerce.number().int().positive().default(30_000),
  /** Jobs the firing worker runs at once per instance. */
  CLOCK_WORKER_CONCURRENCY: z.coerce.number().int().positive().default(20),
});

export const routingEnvSchema = baseEnvSchema
  .extend(outboxEnvSchema.shape)
  .extend(redisEnvSchema.shape)
  .extend(officeCalendarEnvSchema.shape)
  .extend(deadlineEnvSchema.shape)
  .extend({
    HTTP_PORT: z.coerce.number().int().min(1).max(65535).default(3002),
    /** Whether a reassigned appeal's answer clocks start again; by default they run on from registration. */
    REASSIGNMENT_RESTARTS_DEADLINES: z.stringbool().default(false),
  });

export type RoutingEnv = z.infer<typeof routingEnvSchema>;
