import { ExtendForm } from './ExtendForm';
import { AppealCard, dueOf } from './inbox-api';
import { ReassignForm } from './ReassignForm';

/** What the akim, his deputies and the chief of staff may do beyond answering: move it, give it more time. */
export function LeadershipActions({
  appeal,
  reassign,
  extend,
}: {
  appeal: AppealCard;
  reassign: boolean;
  extend: boolean;
}) {
  return (
    <>
      {reassign && <ReassignForm appealId={appeal.id} currentUnitCode={appeal.assignment?.unitCode} />}
      {extend && <ExtendForm appealId={appeal.id} currentDueAt={dueOf(appeal.deadlines, 'full_answer')} />}
    </>
  );
}
