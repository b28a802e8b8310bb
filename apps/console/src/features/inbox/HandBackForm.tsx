import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Field } from '../../ui/Field';
import { useTabState } from '../../ui/use-tab-state';
import { FormErrors } from './FormErrors';
import { ClientErrors, errorsFor } from './form-errors';
import { reassign, TRIAGE_UNIT_CODE } from './inbox-api';
import { reasonErrors } from './reason';
import { useAppealAction } from './use-appeal-action';

type HandBackField = 'reason' | 'targetUnitCode';

/** "Not ours": a unit head hands the appeal back to the chief of staff's triage desk, saying why. */
export function HandBackForm({ appealId, registrationNumber }: { appealId: string; registrationNumber: string }) {
  const { t } = useTranslation('inbox');
  const navigate = useNavigate();
  const [reason, setReason] = useTabState(`akimat.inbox.${appealId}.handBack`, '');
  const [client, setClient] = useState<ClientErrors<HandBackField>>({});
  // Once handed back the appeal is no longer this unit's, so its card is not read again here.
  const action = useAppealAction(appealId, reassign, { refreshCard: false });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const errors: ClientErrors<HandBackField> = {};
    const reasonProblems = reasonErrors(reason, t);
    if (reasonProblems) errors.reason = reasonProblems;
    setClient(errors);
    if (Object.keys(errors).length) return;
    action.mutate(
      { targetUnitCode: TRIAGE_UNIT_CODE, reason: reason.trim() },
      {
        onSuccess: () => {
          setReason('');
          void navigate('/inbox', { state: { handedBack: registrationNumber } });
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="hand-back-title">
      <fieldset>
        <legend id="hand-back-title">{t('handBack.title')}</legend>
        <p className="field-hint">{t('handBack.explain')}</p>
        <Field label={t('handBack.reason')} errors={errorsFor('reason', client, action.error)}>
          {(props) => (
            <textarea {...props} rows={3} value={reason} onChange={(event) => setReason(event.target.value)} />
          )}
        </Field>
        <FormErrors error={action.error} fields={['reason']} />
        <div className="actions">
          <button type="submit" className="secondary" disabled={action.isPending}>
            {action.isPending ? t('sending') : t('handBack.submit')}
          </button>
        </div>
      </fieldset>
    </form>
  );
}
