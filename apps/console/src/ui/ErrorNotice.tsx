import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-error';

/**
 * An error said so a person can act on it: a lost connection plainly, a 403 explained, a conflict
 * with the service's reason. Field errors are shown beside their fields (FieldError), not here.
 */
export function ErrorNotice({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const apiError = error instanceof ApiError ? error : undefined;
  const kind = apiError?.kind ?? 'server';
  const detail = kind === 'conflict' || kind === 'not-found' ? apiError?.message : undefined;
  return (
    <div role="alert" className={`notice notice-${kind === 'validation' ? 'warning' : 'error'}`}>
      <strong>{t(`errors.${kind}`)}</strong>
      {detail && <span className="notice-detail"> {detail}</span>}
    </div>
  );
}
