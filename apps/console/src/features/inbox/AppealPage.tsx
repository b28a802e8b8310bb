import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useAuth } from '../../auth/auth-context';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Loading } from '../../ui/Loading';
import { AppealDetails } from './AppealDetails';
import { permissionsFor } from './appeal-permissions';
import { BriefAnswerForm } from './BriefAnswerForm';
import { FullAnswerForm } from './FullAnswerForm';
import { HandBackForm } from './HandBackForm';
import { fetchAppeal, inboxKeys } from './inbox-api';
import { LeadershipActions } from './LeadershipActions';
import { Timeline } from './Timeline';
import { useCategoryName } from './use-reference-data';
import './inbox.css';

/** One appeal: the card, the answers, the timeline, and what this person may do with it now. */
export default function AppealPage() {
  const { appealId = '' } = useParams();
  const { t } = useTranslation('inbox');
  const { staff } = useAuth();
  const categoryName = useCategoryName();
  const card = useQuery({
    queryKey: inboxKeys.appeal(appealId),
    queryFn: ({ signal }) => fetchAppeal(appealId, signal),
    enabled: !!appealId,
  });

  const appeal = card.data;
  const can = appeal && staff ? permissionsFor(staff.roles, appeal) : undefined;
  const anything = can && Object.values(can).some(Boolean);

  return (
    <>
      <section className="page" aria-labelledby="appeal-title">
        <p>
          <Link to="/inbox">{t('backToInbox')}</Link>
        </p>
        <h1 id="appeal-title">
          {appeal ? t('card.title', { number: appeal.registrationNumber }) : t('card.titleLoading')}
        </h1>
        {card.isPending && <Loading />}
        <ErrorNotice error={card.error} />
        {appeal && <AppealDetails appeal={appeal} categoryName={categoryName} />}
      </section>
      {appeal && can && (
        <section className="page appeal-actions" aria-labelledby="actions-title">
          <h2 id="actions-title">{t('actions.title')}</h2>
          {!anything && <p>{t('actions.none')}</p>}
          {can.briefAnswer && <BriefAnswerForm appealId={appeal.id} />}
          {can.fullAnswer && <FullAnswerForm appealId={appeal.id} />}
          {can.handBack && <HandBackForm appealId={appeal.id} registrationNumber={appeal.registrationNumber} />}
          <LeadershipActions appeal={appeal} reassign={can.reassign} extend={can.extend} />
        </section>
      )}
      {appeal && (
        <section className="page" aria-labelledby="timeline-title">
          <h2 id="timeline-title">{t('timeline.title')}</h2>
          <Timeline entries={appeal.timeline} />
        </section>
      )}
    </>
  );
}
