import { FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../ui/Field';
import { useTabState } from '../../ui/use-tab-state';
import { ActionFooter } from './ActionFooter';
import { ClientErrors, errorsFor } from './form-errors';
import { ANSWER_OUTCOMES, AnswerOutcome, giveFullAnswer } from './inbox-api';
import { useAppealAction } from './use-appeal-action';

const MAX_TEXT = 10_000;
const MAX_REASONS = 5_000;
type FullField = 'text' | 'outcome' | 'refusalReasons';
const FIELDS: readonly FullField[] = ['text', 'outcome', 'refusalReasons'];

/** The full answer with its outcome; a refusal must give its reasons. */
export function FullAnswerForm({ appealId }: { appealId: string }) {
  const { t } = useTranslation('inbox');
  const outcomeId = useId();
  // Kept in the tab until sent (see BriefAnswerForm).
  const [text, setText] = useTabState(`akimat.inbox.${appealId}.full.text`, '');
  const [outcome, setOutcome] = useTabState<AnswerOutcome | ''>(`akimat.inbox.${appealId}.full.outcome`, '');
  const [reasons, setReasons] = useTabState(`akimat.inbox.${appealId}.full.reasons`, '');
  const [client, setClient] = useState<ClientErrors<FullField>>({});
  const [sent, setSent] = useState(false);
  const action = useAppealAction(appealId, giveFullAnswer);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmedText = text.trim();
    const trimmedReasons = reasons.trim();
    const errors: ClientErrors<FullField> = {};
    if (!trimmedText) errors.text = [t('errors.textRequired')];
    else if (trimmedText.length > MAX_TEXT) errors.text = [t('errors.textTooLong', { max: MAX_TEXT })];
    if (!outcome) errors.outcome = [t('errors.outcomeRequired')];
    if (outcome === 'refused' && !trimmedReasons) errors.refusalReasons = [t('errors.refusalReasonsRequired')];
    else if (trimmedReasons.length > MAX_REASONS)
      errors.refusalReasons = [t('errors.textTooLong', { max: MAX_REASONS })];
    setClient(errors);
    setSent(false);
    if (Object.keys(errors).length || !outcome) return;
    action.mutate(
      { text: trimmedText, outcome, ...(outcome === 'refused' ? { refusalReasons: trimmedReasons } : {}) },
      {
        onSuccess: () => {
          setText('');
          setOutcome('');
          setReasons('');
          setSent(true);
        },
      },
    );
  };

  const outcomeErrors = errorsFor('outcome', client, action.error);
  return (
    <form onSubmit={submit} noValidate aria-labelledby="full-answer-title">
      <fieldset>
        <legend id="full-answer-title">{t('full.title')}</legend>
        <Field label={t('full.text')} errors={errorsFor('text', client, action.error)}>
          {(props) => <textarea {...props} rows={8} value={text} onChange={(event) => setText(event.target.value)} />}
        </Field>
        <fieldset
          className={`field${outcomeErrors.length ? ' field-invalid' : ''}`}
          aria-describedby={outcomeErrors.length ? `${outcomeId}-error` : undefined}
        >
          <legend>{t('full.outcome')}</legend>
          {ANSWER_OUTCOMES.map((value) => (
            <label key={value}>
              <input
                type="radio"
                name={`${outcomeId}-outcome`}
                value={value}
                checked={outcome === value}
                onChange={() => setOutcome(value)}
              />{' '}
              {t(`outcome.${value}`)}
            </label>
          ))}
          {outcomeErrors.length > 0 && (
            <small id={`${outcomeId}-error`} className="field-error" role="alert">
              {outcomeErrors.join('; ')}
            </small>
          )}
        </fieldset>
        {outcome === 'refused' && (
          <Field label={t('full.refusalReasons')} errors={errorsFor('refusalReasons', client, action.error)}>
            {(props) => (
              <textarea {...props} rows={4} value={reasons} onChange={(event) => setReasons(event.target.value)} />
            )}
          </Field>
        )}
        {outcome !== 'refused' && errorsFor('refusalReasons', {}, action.error).length > 0 && (
          <p className="field-error">{errorsFor('refusalReasons', {}, action.error).join('; ')}</p>
        )}
        <ActionFooter
          error={action.error}
          fields={FIELDS}
          pending={action.isPending}
          submitLabel={t('full.submit')}
          sentMessage={sent && t('full.sent')}
        />
      </fieldset>
    </form>
  );
}
