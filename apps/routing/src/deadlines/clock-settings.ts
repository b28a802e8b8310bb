import { createOfficeCalendarFromEnv } from '@akimat/office-calendar';
import { RoutingEnv } from '../app/routing-env.schema';
import { ClockSettings } from './clock-plan';

export const CLOCK_SETTINGS = Symbol('CLOCK_SETTINGS');

/** The clock plan's inputs from validated configuration; reads the holiday file once. */
export function clockSettingsFromEnv(env: RoutingEnv): ClockSettings {
  return {
    calendar: createOfficeCalendarFromEnv(env),
    durations: {
      brief_answer: env.BRIEF_ANSWER_DURATION,
      full_answer: env.FULL_ANSWER_DURATION,
      forwarding: env.FORWARDING_DURATION,
      extension_notice: env.EXTENSION_NOTICE_DURATION,
    },
    reminderFractions: env.REMINDER_FRACTIONS,
    reminderBefore: env.REMINDER_BEFORE,
    officeHoursForReminders: env.OFFICE_HOURS_APPLY_TO_REMINDERS,
  };
}
