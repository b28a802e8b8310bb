import { useTranslation } from 'react-i18next';
import { FormErrors } from './FormErrors';

interface ActionFooterProps {
  /** The action's error (its 400 violations not beside a field of the form are listed here). */
  error: unknown;
  fields: readonly string[];
  pending: boolean;
  submitLabel: string;
  /** Shown once the action succeeded, when the form stays on screen. */
  sentMessage?: string | false;
}

/** The end of every action form on the appeal page: what went wrong, that it worked, the button. */
export function ActionFooter({ error, fields, pending, submitLabel, sentMessage }: ActionFooterProps) {
  const { t } = useTranslation('inbox');
  return (
    <>
      <FormErrors error={error} fields={fields} />
      {sentMessage && (
        <p role="status" className="notice notice-ok">
          {sentMessage}
        </p>
      )}
      <div className="actions">
        <button type="submit" disabled={pending}>
          {pending ? t('sending') : submitLabel}
        </button>
      </div>
    </>
  );
}
