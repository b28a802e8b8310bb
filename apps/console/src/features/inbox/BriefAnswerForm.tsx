import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../ui/Field';
import { useTabState } from '../../ui/use-tab-state';
import { ActionFooter } from './ActionFooter';
import { ClientErrors, errorsFor } from './form-errors';
import { giveBriefAnswer } from './inbox-api';
import { useAppealAction } from './use-appeal-action';

const MAX_TEXT = 10_000;
type BriefField = 'text';

/** The brief answer (within 3 days): one text, sent once. */
export function BriefAnswerForm({ appealId }: { appealId: string }) {
  const { t } = useTranslation('inbox');
  // Kept in the tab until sent: a reload or an expired session does not lose a written answer.
  const [text, setText] = useTabState(`akimat.inbox.${appealId}.brief`, '');
  const [client, setClient] = useState<ClientErrors<BriefField>>({});
  const [sent, setSent] = useState(false);
  const action = useAppealAction(appealId, giveBriefAnswer);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = text.trim();
    const errors: ClientErrors<BriefField> = {};
    if (!trimmed) errors.text = [t('errors.textRequired')];
    else if (trimmed.length > MAX_TEXT) errors.text = [t('errors.textTooLong', { max: MAX_TEXT })];
    setClient(errors);
    setSent(false);
    if (Object.keys(errors).length) return;
    action.mutate(
      { text: trimmed },
      {
        onSuccess: () => {
          setText('');
          setSent(true);
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="brief-answer-title">
      <fieldset>
        <legend id="brief-answer-title">{t('brief.title')}</legend>
        <Field label={t('brief.text')} hint={t('brief.hint')} errors={errorsFor('text', client, action.error)}>
          {(props) => <textarea {...props} rows={5} value={text} onChange={(event) => setText(event.target.value)} />}
        </Field>
        <ActionFooter
          error={action.error}
          fields={['text']}
          pending={action.isPending}
          submitLabel={t('brief.submit')}
          sentMessage={sent && t('brief.sent')}
        />
      </fieldset>
    </form>
  );
}
