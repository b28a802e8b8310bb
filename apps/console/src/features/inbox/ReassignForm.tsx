import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../ui/Field';
import { useTabState } from '../../ui/use-tab-state';
import { ActionFooter } from './ActionFooter';
import { FormErrors } from './FormErrors';
import { ClientErrors, errorsFor } from './form-errors';
import { localName } from './format';
import { reassign } from './inbox-api';
import { reasonErrors } from './reason';
import { useAppealAction } from './use-appeal-action';
import { useUnits } from './use-reference-data';

type ReassignField = 'targetUnitCode' | 'reason';
const FIELDS: readonly ReassignField[] = ['targetUnitCode', 'reason'];

/** Leadership send the appeal to any unit, with the reason. */
export function ReassignForm({ appealId, currentUnitCode }: { appealId: string; currentUnitCode?: string }) {
  const { t, i18n } = useTranslation('inbox');
  const units = useUnits();
  const [unit, setUnit] = useTabState(`akimat.inbox.${appealId}.reassign.unit`, '');
  const [reason, setReason] = useTabState(`akimat.inbox.${appealId}.reassign.reason`, '');
  const [client, setClient] = useState<ClientErrors<ReassignField>>({});
  const [sent, setSent] = useState(false);
  const action = useAppealAction(appealId, reassign);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const errors: ClientErrors<ReassignField> = {};
    if (!unit) errors.targetUnitCode = [t('errors.unitRequired')];
    const reasonProblems = reasonErrors(reason, t);
    if (reasonProblems) errors.reason = reasonProblems;
    setClient(errors);
    setSent(false);
    if (Object.keys(errors).length) return;
    action.mutate(
      { targetUnitCode: unit, reason: reason.trim() },
      {
        onSuccess: () => {
          setUnit('');
          setReason('');
          setSent(true);
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="reassign-title">
      <fieldset>
        <legend id="reassign-title">{t('reassign.title')}</legend>
        <Field label={t('reassign.unit')} errors={errorsFor('targetUnitCode', client, action.error)}>
          {(props) => (
            <select {...props} value={unit} onChange={(event) => setUnit(event.target.value)}>
              <option value="">{t('reassign.chooseUnit')}</option>
              {(units.data ?? [])
                .filter((candidate) => candidate.code !== currentUnitCode)
                .map((candidate) => (
                  <option key={candidate.code} value={candidate.code}>
                    {localName(candidate, i18n.resolvedLanguage, candidate.code)}
                  </option>
                ))}
            </select>
          )}
        </Field>
        {units.error && <FormErrors error={units.error} fields={[]} />}
        <Field label={t('reassign.reason')} errors={errorsFor('reason', client, action.error)}>
          {(props) => (
            <textarea {...props} rows={3} value={reason} onChange={(event) => setReason(event.target.value)} />
          )}
        </Field>
        <ActionFooter
          error={action.error}
          fields={FIELDS}
          pending={action.isPending}
          submitLabel={t('reassign.submit')}
          sentMessage={sent && t('reassign.sent')}
        />
      </fieldset>
    </form>
  );
}
