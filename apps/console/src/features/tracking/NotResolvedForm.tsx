import { useMutation } from '@tanstack/react-query';
import { FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import { useTrackingFormat } from './format';
import { Credentials, reportNotResolved, TrackingView } from './tracking-api';

interface NotResolvedFormProps {
  credentials: Credentials;
  /** The last moment "not resolved" is accepted: 30 days after the full answer. */
  until: string;
  onDone: (view: TrackingView) => void;
}

/** "Not resolved": within 30 days of the full answer the resident sends the appeal back, saying why. */
export function NotResolvedForm({ credentials, until, onDone }: NotResolvedFormProps) {
  const { t } = useTranslation('tracking');
  const { dateTime } = useTrackingFormat();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  const send = useMutation({
    mutationFn: (text: string) => reportNotResolved(credentials, text),
    onSuccess: onDone,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const text = comment.trim();
    setMissing(!text);
    if (text) send.mutate(text);
  };

  return (
    <section className="page" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('notResolved.title')}</h2>
      <p>{t('notResolved.explain', { until: dateTime(until) })}</p>
      {!open ? (
        <button type="button" className="secondary" onClick={() => setOpen(true)}>
          {t('notResolved.open')}
        </button>
      ) : (
        <form onSubmit={submit} noValidate>
          <Field
            label={t('notResolved.comment')}
            hint={t('notResolved.commentHint')}
            errors={missing ? [t('notResolved.commentRequired')] : []}
          >
            {(props) => (
              <textarea
                {...props}
                rows={4}
                maxLength={2000}
                required
                value={comment}
                onChange={(event) => {
                  setComment(event.target.value);
                  if (event.target.value.trim()) setMissing(false);
                }}
              />
            )}
          </Field>
          <div className="actions">
            <button type="submit" disabled={send.isPending}>
              {t('notResolved.submit')}
            </button>
            <button type="button" className="secondary" onClick={() => setOpen(false)}>
              {t('notResolved.cancel')}
            </button>
          </div>
          <ErrorNotice error={send.error} />
        </form>
      )}
    </section>
  );
}
