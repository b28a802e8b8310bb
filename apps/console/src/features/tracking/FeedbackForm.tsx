import { useMutation } from '@tanstack/react-query';
import { FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Credentials, giveFeedback, TrackingView } from './tracking-api';

const RATINGS = [1, 2, 3, 4, 5] as const;

interface FeedbackFormProps {
  credentials: Credentials;
  alreadyGiven: boolean;
  onDone: (view: TrackingView) => void;
}

/** The anonymous satisfaction survey after the full answer: a rating 1–5 and, if the resident wishes, a comment. */
export function FeedbackForm({ credentials, alreadyGiven, onDone }: FeedbackFormProps) {
  const { t } = useTranslation('tracking');
  const id = useId();
  const [rating, setRating] = useState<number>();
  const [comment, setComment] = useState('');
  const [missingRating, setMissingRating] = useState(false);
  const send = useMutation({
    mutationFn: (chosen: number) => giveFeedback(credentials, chosen, comment.trim() || undefined),
    onSuccess: onDone,
  });

  if (send.isSuccess || alreadyGiven) {
    return (
      <section className="page" aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`}>{t('feedback.title')}</h2>
        <p role="status" className="notice notice-ok">
          {send.isSuccess ? t('feedback.thanks') : t('feedback.alreadyGiven')}
        </p>
      </section>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMissingRating(rating === undefined);
    if (rating !== undefined) send.mutate(rating);
  };

  return (
    <section className="page" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('feedback.title')}</h2>
      <form onSubmit={submit} noValidate>
        <fieldset
          className={`field${missingRating ? ' field-invalid' : ''}`}
          aria-describedby={missingRating ? `${id}-rating-error` : undefined}
          style={{ border: 0, padding: 0, margin: '0 0 0.75rem' }}
        >
          <legend style={{ fontWeight: 600 }}>{t('feedback.legend')}</legend>
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: '0.25rem 1rem' }}>
            {RATINGS.map((value) => (
              <label
                key={value}
                style={{ display: 'inline-flex', gap: '0.35rem', alignItems: 'center', minHeight: '2.75rem' }}
              >
                <input
                  type="radio"
                  name={`${id}-rating`}
                  value={value}
                  checked={rating === value}
                  onChange={() => {
                    setRating(value);
                    setMissingRating(false);
                  }}
                />
                {t(`feedback.rating.${value}`)}
              </label>
            ))}
          </div>
          {missingRating && (
            <small id={`${id}-rating-error`} className="field-error" role="alert">
              {t('feedback.ratingRequired')}
            </small>
          )}
        </fieldset>
        <div className="field">
          <label htmlFor={`${id}-comment`}>{t('feedback.comment')}</label>
          <textarea
            id={`${id}-comment`}
            rows={3}
            maxLength={2000}
            value={comment}
            onChange={(event) => setComment(event.target.value)}
          />
        </div>
        <div className="actions">
          <button type="submit" disabled={send.isPending}>
            {t('feedback.submit')}
          </button>
        </div>
        <ErrorNotice error={send.error} />
      </form>
    </section>
  );
}
