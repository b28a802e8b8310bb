import { LEADERSHIP_ROLES, StaffRole, UNIT_HEAD_ROLES } from '@akimat/contracts/browser';
import { AppealCard, AppealStatus, dueOf, TRIAGE_UNIT_CODE } from './inbox-api';

// The appeals lifecycle (apps/appeals appeal-lifecycle.ts), mirrored to offer only what can succeed;
// the service still decides, and its 409 reason is shown if the appeal moved on meanwhile.
const OPEN_AT_UNIT: readonly AppealStatus[] = ['assigned', 'brief_answered', 'reopened'];

export interface AppealPermissions {
  briefAnswer: boolean;
  fullAnswer: boolean;
  handBack: boolean;
  reassign: boolean;
  extend: boolean;
}

/** Which actions this person may take on this appeal in its current status. */
export function permissionsFor(roles: readonly StaffRole[], appeal: AppealCard): AppealPermissions {
  const has = (allowed: readonly StaffRole[]) => roles.some((role) => allowed.includes(role));
  const leadership = has(LEADERSHIP_ROLES);
  const unitHead = has(UNIT_HEAD_ROLES);
  const answers = unitHead || roles.includes('chief_of_staff');
  const open = OPEN_AT_UNIT.includes(appeal.status);
  // Routing reassigns an assignment it has made: a registered appeal not routed yet has none (404).
  const reassignable = open && !!appeal.assignment;
  return {
    briefAnswer: answers && appeal.status === 'assigned' && !appeal.answers.some((answer) => answer.kind === 'brief'),
    fullAnswer: answers && open,
    handBack: unitHead && !leadership && reassignable && appeal.assignment?.unitCode !== TRIAGE_UNIT_CODE,
    reassign: leadership && reassignable,
    extend: leadership && open && dueOf(appeal.deadlines, 'full_answer') !== null,
  };
}
