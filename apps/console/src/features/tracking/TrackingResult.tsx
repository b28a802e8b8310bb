import { RefObject, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FeedbackForm } from './FeedbackForm';
import { NotResolvedForm } from './NotResolvedForm';
import { Credentials, TrackingView } from './tracking-api';
import { useTrackingFormat } from './format';

const SURVEY_STATUSES = ['full_answered', 'closed'];

interface TrackingResultProps {
  credentials: Credentials;
  view: TrackingView;
  headingRef: RefObject<HTMLHeadingElement | null>;
  /** A survey answer or "not resolved" changed the appeal; here is its new state. */
  onChange: (view: TrackingView) => void;
}

/** Where the appeal stands: status, unit, due dates, answers, what happened when. */
export function TrackingResult({ credentials, view, headingRef, onChange }: TrackingResultProps) {
  const { t } = useTranslation('tracking');
  const { t: common } = useTranslation();
  const { language, dateTime } = useTrackingFormat();
  const unitName = view.unit ? ((language === 'kk' ? view.unit.nameKk : view.unit.nameRu) ?? view.unit.code) : null;
  const [reopened, setReopened] = useState(false);
  // The survey follows a full answer, while the appeal rests on it (not once it is reopened).
  const surveyOpen =
    view.answers.some((answer) => answer.kind === 'full') &&
    (SURVEY_STATUSES.includes(view.status) || view.feedbackGiven);

  return (
    <>
      <section className="page" aria-labelledby="tracking-result">
        <h2 id="tracking-result" ref={headingRef} tabIndex={-1}>
          {t('result.title', { number: view.registrationNumber })}
        </h2>
        {reopened && (
          <p role="status" className="notice notice-ok">
            {t('notResolved.done')}
          </p>
        )}
        <dl className="tracking-facts">
          <dt>{t('result.status')}</dt>
          <dd>
            <strong data-testid="tracking-status">
              {common(`status.${view.status}`, { defaultValue: view.status })}
            </strong>
          </dd>
          <dt>{t('result.registered')}</dt>
          <dd>{dateTime(view.registeredAt)}</dd>
          <dt>{t('result.unit')}</dt>
          <dd data-testid="tracking-unit">{unitName ?? t('result.notAssigned')}</dd>
          {view.forwardedTo && (
            <>
              <dt>{t('result.forwardedTo')}</dt>
              <dd>{view.forwardedTo}</dd>
            </>
          )}
        </dl>

        {view.deadlines.length > 0 && (
          <>
            <h3>{t('result.deadlines')}</h3>
            <ul data-testid="tracking-deadlines">
              {view.deadlines.map((deadline) => (
                <li key={`${deadline.kind}-${deadline.dueAt}`}>
                  {t(`deadline.${deadline.kind}`, { defaultValue: deadline.kind })}:{' '}
                  <time dateTime={deadline.dueAt}>{dateTime(deadline.dueAt)}</time>
                </li>
              ))}
            </ul>
          </>
        )}

        <h3>{t('result.answers')}</h3>
        {view.answers.length === 0 ? (
          <p>{t('result.noAnswers')}</p>
        ) : (
          view.answers.map((answer, index) => (
            <article
              key={`${answer.kind}-${answer.answeredAt}-${index}`}
              className="tracking-answer"
              data-testid="tracking-answer"
            >
              <h4>
                {t(`answer.${answer.kind}`)} · <time dateTime={answer.answeredAt}>{dateTime(answer.answeredAt)}</time>
              </h4>
              {answer.outcome && (
                <p>
                  <strong>
                    {t('answer.outcome')}: {t(`outcome.${answer.outcome}`)}
                  </strong>
                </p>
              )}
              <p style={{ whiteSpace: 'pre-wrap' }}>{answer.text}</p>
              {answer.refusalReasons && (
                <p style={{ whiteSpace: 'pre-wrap' }}>
                  {t('answer.refusalReasons')}: {answer.refusalReasons}
                </p>
              )}
              {(answer.author.name || answer.author.position) && (
                <p className="field-hint">{[answer.author.position, answer.author.name].filter(Boolean).join(', ')}</p>
              )}
              {answer.onTime !== null && (
                <p className="field-hint">{answer.onTime ? t('answer.onTime') : t('answer.late')}</p>
              )}
            </article>
          ))
        )}

        {view.timeline.length > 0 && (
          <>
            <h3>{t('result.timeline')}</h3>
            <ol className="timeline">
              {view.timeline.map((entry, index) => (
                <li key={`${entry.at}-${entry.kind}-${index}`}>
                  <time dateTime={entry.at}>{dateTime(entry.at)}</time>
                  {t(`timeline.${entry.kind}`, { defaultValue: entry.kind })}
                </li>
              ))}
            </ol>
          </>
        )}
      </section>

      {surveyOpen && <FeedbackForm credentials={credentials} alreadyGiven={view.feedbackGiven} onDone={onChange} />}
      {view.reopenPossibleUntil && (
        <NotResolvedForm
          credentials={credentials}
          until={view.reopenPossibleUntil}
          onDone={(next) => {
            setReopened(true);
            onChange(next);
          }}
        />
      )}
    </>
  );
}
