import { Contact, Language } from '@akimat/contracts';

export const NOTICE_KINDS = [
  'registered',
  'routed',
  'reassigned',
  'deadline_approaching',
  'deadline_missed',
  'deadline_escalated',
  'brief_answer',
  'full_answer',
  'survey_invitation',
  'forwarded',
  'extended',
  'reopened',
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

export type Channel = 'in_app' | 'email' | 'sms';
export type Audience = 'resident' | 'staff';

/** Who a notice goes to; staff also have an in-app inbox (their e-mail, or `unit:<code>` without one). */
export interface Addressee extends Contact {
  inbox?: string;
}

/** One message to one person about one event, before channels and templates. */
export interface Notice {
  kind: NoticeKind;
  audience: Audience;
  to: Addressee;
  /** The template's model: the event's data plus what the template needs besides. */
  model: Record<string, unknown>;
}

export interface Delivery {
  channel: Channel;
  /** The address on that channel: inbox key, e-mail address or phone number. */
  address: string;
}

/** Staff see every notice in-app and by e-mail; residents by e-mail and SMS, whichever they gave. */
export function deliveriesOf(notice: Notice, enabled: { email: boolean; sms: boolean }): Delivery[] {
  const { to } = notice;
  const deliveries: Delivery[] = [];
  if (notice.audience === 'staff' && to.inbox) deliveries.push({ channel: 'in_app', address: to.inbox });
  if (enabled.email && to.email) deliveries.push({ channel: 'email', address: to.email });
  if (enabled.sms && notice.audience === 'resident' && to.phone) deliveries.push({ channel: 'sms', address: to.phone });
  return deliveries;
}

export type { Language };
