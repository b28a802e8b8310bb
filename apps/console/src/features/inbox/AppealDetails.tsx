import { useTranslation } from 'react-i18next';
import { dueStatus } from './due-status';
import { formatDateTime, localName } from './format';
import { AppealCard, dueOf } from './inbox-api';

/**
 * The card: who wrote (name and language only; the IIN and contacts are never shown here), what
 * about, where, which unit answers and by when, and the answers given so far.
 */
export function AppealDetails({
  appeal,
  categoryName,
}: {
  appeal: AppealCard;
  categoryName: (code: string) => string;
}) {
  const { t, i18n } = useTranslation('inbox');
  const language = i18n.resolvedLanguage;
  const due = dueStatus(appeal.nextDueAt);
  const unit = appeal.assignment
    ? localName(
        { nameKk: appeal.assignment.unitNameKk, nameRu: appeal.assignment.unitNameRu },
        language,
        appeal.assignment.unitCode,
      )
    : t('card.notAssigned');
  return (
    <div className="appeal-card">
      <dl>
        <dt>{t('card.status')}</dt>
        <dd>
          {t(`status.${appeal.status}`, { ns: 'common' })}{' '}
          {due === 'overdue' && <span className="badge badge-overdue">{t('due.overdue')}</span>}
          {due === 'soon' && <span className="badge badge-soon">{t('due.soon')}</span>}
        </dd>
        <dt>{t('card.resident')}</dt>
        <dd>{appeal.resident ? (appeal.resident.fullName ?? '—') : t('card.anonymous')}</dd>
        {appeal.resident && (
          <>
            <dt>{t('card.residentLanguage')}</dt>
            <dd>{t(`language.${appeal.resident.language}`)}</dd>
          </>
        )}
        <dt>{t('card.category')}</dt>
        <dd>{categoryName(appeal.category)}</dd>
        <dt>{t('card.locality')}</dt>
        <dd>{appeal.locality ?? '—'}</dd>
        <dt>{t('card.unit')}</dt>
        <dd>{unit}</dd>
        <dt>{t('card.received')}</dt>
        <dd>{formatDateTime(appeal.registeredAt, language)}</dd>
        <dt>{t('card.briefDue')}</dt>
        <dd>{formatDateTime(dueOf(appeal.deadlines, 'brief_answer'), language)}</dd>
        <dt>{t('card.fullDue')}</dt>
        <dd>{formatDateTime(dueOf(appeal.deadlines, 'full_answer'), language)}</dd>
        {appeal.forwardedTo && (
          <>
            <dt>{t('card.forwardedTo')}</dt>
            <dd>{appeal.forwardedTo}</dd>
          </>
        )}
      </dl>
      <h2>{t('card.text')}</h2>
      <p className="appeal-text">{appeal.text}</p>
      <h2>{t('answers.title')}</h2>
      {appeal.answers.length === 0 ? (
        <p>{t('answers.none')}</p>
      ) : (
        <ul className="answers">
          {appeal.answers.map((answer) => (
            <li key={`${answer.kind}-${answer.answeredAt}`}>
              <strong>{answer.kind === 'brief' ? t('answers.brief') : t('answers.full')}</strong>{' '}
              <span>
                {formatDateTime(answer.answeredAt, language)}
                {answer.author.name && ` — ${answer.author.name}`}
              </span>{' '}
              {answer.onTime === false && <span className="badge badge-overdue">{t('answers.late')}</span>}
              {answer.outcome && (
                <div>
                  {t('answers.outcome')}: {t(`outcome.${answer.outcome}`)}
                </div>
              )}
              <p className="answer-text">{answer.text}</p>
              {answer.refusalReasons && (
                <div>
                  {t('answers.refusalReasons')}: {answer.refusalReasons}
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
