import { Contact, Head, KnownEnvelope } from '@akimat/contracts';
import { Addressee, Notice } from './notice';

/** What the service remembers from earlier events, for events that do not carry a contact. */
export interface NoticeContext {
  /** The resident's contact from `appeal.registered`; absent for anonymous or unknown appeals. */
  resident?: Contact;
  /** The head of the triage unit (the chief of staff) from the directory copy. */
  chiefOfStaff?: { unitCode: string; head: Head };
  trackingUrl: string;
}

const trackingLink = (base: string, registrationNumber: string) =>
  `${base.replace(/\/+$/, '')}/${encodeURIComponent(registrationNumber)}`;

const staff = (head: Head, unitCode: string): Addressee => ({ ...head, inbox: head.email ?? `unit:${unitCode}` });

/** Who is told what about one event (issue #7): the notices, one per person, in the order sent. */
export function noticesFor(event: KnownEnvelope, context: NoticeContext): Notice[] {
  const toResident = (kind: Notice['kind'], model: Record<string, unknown>): Notice[] =>
    context.resident ? [{ kind, audience: 'resident', to: context.resident, model }] : [];
  const toChiefOfStaff = (kind: Notice['kind'], model: Record<string, unknown>): Notice[] => {
    const chief = context.chiefOfStaff;
    return chief ? [{ kind, audience: 'staff', to: staff(chief.head, chief.unitCode), model }] : [];
  };

  switch (event.type) {
    case 'appeal.registered': {
      const { data } = event;
      // The context's contact: the event's, with the phone and e-mail opened when appeals sealed them.
      if (data.anonymous || !context.resident) return [];
      const trackingUrl = trackingLink(context.trackingUrl, data.registrationNumber);
      return [{ kind: 'registered', audience: 'resident', to: context.resident, model: { ...data, trackingUrl } }];
    }
    case 'appeal.routed':
      return [
        { kind: 'routed', audience: 'staff', to: staff(event.data.head, event.data.unit.code), model: event.data },
      ];
    case 'appeal.reassigned':
      return [
        { kind: 'reassigned', audience: 'staff', to: staff(event.data.head, event.data.unit.code), model: event.data },
      ];
    case 'appeal.deadline_approaching':
      return [
        {
          kind: 'deadline_approaching',
          audience: 'staff',
          to: staff(event.data.head, event.data.unit.code),
          model: event.data,
        },
      ];
    case 'appeal.deadline_missed': {
      const { data } = event;
      const head: Notice = {
        kind: 'deadline_missed',
        audience: 'staff',
        to: staff(data.head, data.unit.code),
        model: data,
      };
      const escalation = data.escalatedTo
        ? [
            {
              kind: 'deadline_escalated',
              audience: 'staff',
              to: staff(data.escalatedTo, context.chiefOfStaff?.unitCode ?? data.unit.code),
              model: data,
            } as Notice,
          ]
        : toChiefOfStaff('deadline_escalated', data);
      return [head, ...escalation.filter((notice) => notice.to.inbox !== head.to.inbox)];
    }
    case 'appeal.brief_answered':
      return toResident('brief_answer', event.data);
    case 'appeal.full_answered':
      return [
        ...toResident('full_answer', event.data),
        ...toResident('survey_invitation', {
          ...event.data,
          trackingUrl: trackingLink(context.trackingUrl, event.data.registrationNumber),
        }),
      ];
    case 'appeal.forwarded':
      return toResident('forwarded', event.data);
    case 'appeal.extended':
      return toResident('extended', event.data);
    case 'appeal.reopened':
      return toChiefOfStaff('reopened', event.data);
    default:
      return [];
  }
}
