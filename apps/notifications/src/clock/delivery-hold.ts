import { Inject, Injectable } from '@nestjs/common';
import { createOfficeCalendarFromEnv, OfficeCalendar } from '@akimat/office-calendar';
import { SERVICE_CONFIG } from '@akimat/service-kit';
import { NotificationsConfig, quietHoursOf } from '../deliveries/delivery-settings';
import { QuietHours, quietUntil } from './quiet-hours';

export interface HoldRules {
  quietHours: QuietHours;
  calendar: OfficeCalendar;
}

/** What decides whether a delivery waits: what it is, to whom, over which channel. */
export interface Holdable {
  kind: string;
  channel: string;
  audience: string;
}

/** Notices that escalate above the unit: like routing's reminders, they go out only within office hours. */
const ESCALATIONS: ReadonlySet<string> = new Set(['deadline_escalated']);

/**
 * Until when a delivery waits, or null to send it now: an SMS to a resident waits out quiet hours;
 * an escalation to staff waits for the next office opening (a working day, 09:00–18:30 by default).
 * Neither is ever dropped.
 */
export function holdUntil(delivery: Holdable, now: Date, rules: HoldRules): Date | null {
  if (delivery.channel === 'sms' && delivery.audience === 'resident') return quietUntil(now, rules.quietHours);
  if (delivery.audience === 'staff' && ESCALATIONS.has(delivery.kind)) {
    const opening = rules.calendar.deferToOfficeHours(now);
    return opening > now ? opening : null;
  }
  return null;
}

/** `holdUntil` with the service's configured quiet hours and office calendar. */
@Injectable()
export class DeliveryHolds {
  private readonly rules: HoldRules;

  constructor(@Inject(SERVICE_CONFIG) config: NotificationsConfig) {
    this.rules = { quietHours: quietHoursOf(config), calendar: createOfficeCalendarFromEnv(config) };
  }

  until(delivery: Holdable, now: Date): Date | null {
    return holdUntil(delivery, now, this.rules);
  }
}
