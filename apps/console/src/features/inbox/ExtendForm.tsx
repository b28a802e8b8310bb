import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../ui/Field';
import { useTabState } from '../../ui/use-tab-state';
import { fromOfficeLocal } from '../../ui/office-time';
import { ActionFooter } from './ActionFooter';
import { ClientErrors, errorsFor } from './form-errors';
import { formatDateTime } from './format';
import { extendTerm } from './inbox-api';
import { reasonErrors } from './reason';
import { useAppealAction } from './use-appeal-action';

type ExtendField = 'newDueAt' | 'reason';
const FIELDS: readonly ExtendField[] = ['newDueAt', 'reason'];

/** Leadership extend the full-answer term: a new due time later than the current one, and the reasoned decision. */
export function ExtendForm({ appealId, currentDueAt }: { appealId: string; currentDueAt: string | null }) {
  const { t, i18n } = useTranslation('inbox');
  const [newDue, setNewDue] = useTabState(`akimat.inbox.${appealId}.extend.newDue`, '');
  const [reason, setReason] = useTabState(`akimat.inbox.${appealId}.extend.reason`, '');
  const [client, setClient] = useState<ClientErrors<ExtendField>>({});
  const [sent, setSent] = useState(false);
  const action = useAppealAction(appealId, extendTerm);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const errors: ClientErrors<ExtendField> = {};
    // datetime-local is the office's local time; the service takes a UTC instant.
    // Typed on the office clock, whatever this computer's zone.
    const due = newDue ? fromOfficeLocal(newDue) : undefined;
    if (!due || Number.isNaN(due.getTime())) errors.newDueAt = [t('errors.newDueRequired')];
    else if (due.getTime() <= Date.now()) errors.newDueAt = [t('errors.newDueInPast')];
    else if (currentDueAt && due.getTime() <= Date.parse(currentDueAt)) {
      errors.newDueAt = [t('errors.newDueNotLater', { current: formatDateTime(currentDueAt, i18n.resolvedLanguage) })];
    }
    const reasonProblems = reasonErrors(reason, t);
    if (reasonProblems) errors.reason = reasonProblems;
    setClient(errors);
    setSent(false);
    if (Object.keys(errors).length || !due) return;
    action.mutate(
      { newDueAt: due.toISOString(), reason: reason.trim() },
      {
        onSuccess: () => {
          setNewDue('');
          setReason('');
          setSent(true);
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="extend-title">
      <fieldset>
        <legend id="extend-title">{t('extend.title')}</legend>
        <Field
          label={t('extend.newDueAt')}
          hint={t('extend.current', { current: formatDateTime(currentDueAt, i18n.resolvedLanguage) })}
          errors={errorsFor('newDueAt', client, action.error)}
        >
          {(props) => (
            <input
              {...props}
              type="datetime-local"
              value={newDue}
              onChange={(event) => setNewDue(event.target.value)}
            />
          )}
        </Field>
        <Field label={t('extend.reason')} errors={errorsFor('reason', client, action.error)}>
          {(props) => (
            <textarea {...props} rows={3} value={reason} onChange={(event) => setReason(event.target.value)} />
          )}
        </Field>
        <ActionFooter
          error={action.error}
          fields={FIELDS}
          pending={action.isPending}
          submitLabel={t('extend.submit')}
          sentMessage={sent && t('extend.sent')}
        />
      </fieldset>
    </form>
  );
}
