import type { AppealStatus } from '@akimat/contracts';

/**
 * The appeal's lifecycle as an explicit state machine. Routing's events move an appeal into
 * `assigned`; everything else is an action by staff or by the resident, allowed only from the
 * states listed here. Anything else is refused with the reason (HTTP 409).
 */
export { APPEAL_STATUSES } from '@akimat/contracts';
export type { AppealStatus } from '@akimat/contracts';

export type AppealAction =
  | 'route'
  | 'reassign'
  | 'brief_answer'
  | 'full_answer'
  | 'extend'
  | 'forward'
  | 'outside_competence'
  | 'extension_notice'
  | 'reopen'
  | 'close'
  | 'give_feedback';

interface Transition {
  from: readonly AppealStatus[];
  /** The status after the action; absent when the action keeps the status. */
  to?: AppealStatus;
  /** Why the action is refused in any other state, said to the person who tried. */
  refusal: string;
}

const OPEN_AT_UNIT = ['assigned', 'brief_answered', 'reopened'] as const;
/** Where forwarding to another state body is possible (and so deciding that it is due). */
const FORWARDABLE = ['registered', 'assigned', 'brief_answered'] as const;

export const LIFECYCLE: Record<AppealAction, Transition> = {
  route: { from: ['registered'], to: 'assigned', refusal: 'the appeal has already been routed' },
  reassign: {
    from: ['registered', ...OPEN_AT_UNIT],
    refusal: 'only an appeal that is still being worked on can move to another unit',
  },
  brief_answer: {
    from: ['assigned'],
    to: 'brief_answered',
    refusal: 'a brief answer is given once, after the appeal reached its unit and before the full answer',
  },
  full_answer: {
    from: OPEN_AT_UNIT,
    to: 'full_answered',
    refusal: 'a full answer needs an appeal that is assigned to a unit and not yet fully answered',
  },
  extend: {
    from: OPEN_AT_UNIT,
    refusal: 'only an appeal still awaiting its full answer can have its term extended',
  },
  forward: {
    from: FORWARDABLE,
    to: 'forwarded',
    refusal: 'only an appeal not yet fully answered can be forwarded to another state body',
  },
  outside_competence: {
    from: FORWARDABLE,
    refusal: 'only an appeal that can still be forwarded can be found outside the akimat’s competence',
  },
  extension_notice: {
    from: OPEN_AT_UNIT,
    refusal: 'the resident is told of an extension while the appeal still awaits its full answer',
  },
  reopen: {
    from: ['full_answered', 'closed'],
    to: 'reopened',
    refusal: 'only a fully answered appeal can be reported as not resolved',
  },
  close: { from: ['full_answered'], to: 'closed', refusal: 'only a fully answered appeal can be closed' },
  give_feedback: {
    from: ['full_answered', 'closed'],
    refusal: 'feedback is possible once the full answer has been given',
  },
};

export type TransitionResult = { allowed: true; to: AppealStatus } | { allowed: false; reason: string };

export function transition(status: AppealStatus, action: AppealAction): TransitionResult {
  const rule = LIFECYCLE[action];
  if (!rule.from.includes(status)) {
    return { allowed: false, reason: `${rule.refusal} (status is ${status})` };
  }
  return { allowed: true, to: rule.to ?? status };
}
