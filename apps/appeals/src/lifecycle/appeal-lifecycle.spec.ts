import { APPEAL_STATUSES, AppealAction, AppealStatus, transition } from './appeal-lifecycle';

/** Every (status, action) pair: the status it leads to, or `409` when it is refused. */
const TABLE: Record<AppealStatus, Record<AppealAction, AppealStatus | 409>> = {
  registered: {
    route: 'assigned',
    reassign: 'registered',
    brief_answer: 409,
    full_answer: 409,
    extend: 409,
    forward: 'forwarded',
    outside_competence: 'registered',
    extension_notice: 409,
    reopen: 409,
    close: 409,
    give_feedback: 409,
  },
  assigned: {
    route: 409,
    reassign: 'assigned',
    brief_answer: 'brief_answered',
    full_answer: 'full_answered',
    extend: 'assigned',
    forward: 'forwarded',
    outside_competence: 'assigned',
    extension_notice: 'assigned',
    reopen: 409,
    close: 409,
    give_feedback: 409,
  },
  brief_answered: {
    route: 409,
    reassign: 'brief_answered',
    brief_answer: 409,
    full_answer: 'full_answered',
    extend: 'brief_answered',
    forward: 'forwarded',
    outside_competence: 'brief_answered',
    extension_notice: 'brief_answered',
    reopen: 409,
    close: 409,
    give_feedback: 409,
  },
  full_answered: {
    route: 409,
    reassign: 409,
    brief_answer: 409,
    full_answer: 409,
    extend: 409,
    forward: 409,
    outside_competence: 409,
    extension_notice: 409,
    reopen: 'reopened',
    close: 'closed',
    give_feedback: 'full_answered',
  },
  reopened: {
    route: 409,
    reassign: 'reopened',
    brief_answer: 409,
    full_answer: 'full_answered',
    extend: 'reopened',
    forward: 409,
    outside_competence: 409,
    extension_notice: 'reopened',
    reopen: 409,
    close: 409,
    give_feedback: 409,
  },
  forwarded: {
    route: 409,
    reassign: 409,
    brief_answer: 409,
    full_answer: 409,
    extend: 409,
    forward: 409,
    outside_competence: 409,
    extension_notice: 409,
    reopen: 409,
    close: 409,
    give_feedback: 409,
  },
  closed: {
    route: 409,
    reassign: 409,
    brief_answer: 409,
    full_answer: 409,
    extend: 409,
    forward: 409,
    outside_competence: 409,
    extension_notice: 409,
    reopen: 'reopened',
    close: 409,
    give_feedback: 'closed',
  },
};

const cases = APPEAL_STATUSES.flatMap((status) =>
  (Object.entries(TABLE[status]) as [AppealAction, AppealStatus | 409][]).map(([action, expected]) => ({
    status,
    action,
    expected,
  })),
);

describe('appeal lifecycle', () => {
  it.each(cases)('$status + $action → $expected', ({ status, action, expected }) => {
    const result = transition(status, action);
    if (expected === 409) {
      expect(result).toEqual({ allowed: false, reason: expect.stringContaining(`(status is ${status})`) });
    } else {
      expect(result).toEqual({ allowed: true, to: expected });
    }
  });

  it('covers every status', () => {
    expect(Object.keys(TABLE).sort()).toEqual([...APPEAL_STATUSES].sort());
  });
});
