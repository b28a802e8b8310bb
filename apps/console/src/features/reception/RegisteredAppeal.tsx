import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { openReceipt } from './receipt';
import type { RegisteredAppeal as Registered, ResidentLanguage } from './reception-api';

const RECEIPT_LANGUAGES: ResidentLanguage[] = ['kk', 'ru'];

/** What the resident leaves with: the registration number, the tracking code, a printed receipt. */
export function RegisteredAppeal({ appeal, onNext }: { appeal: Registered; onNext(): void }) {
  const { t } = useTranslation('reception');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [blocked, setBlocked] = useState<Partial<Record<ResidentLanguage, string>>>({});
  const urls = useRef<string[]>([]);
  const print = useMutation({
    mutationFn: (language: ResidentLanguage) => openReceipt(appeal.id, language),
    onSuccess: ({ url, opened }, language) => {
      urls.current.push(url);
      if (!opened) setBlocked((current) => ({ ...current, [language]: url }));
    },
  });

  useEffect(() => {
    headingRef.current?.focus();
    const created = urls.current;
    return () => created.forEach((url) => URL.revokeObjectURL(url));
  }, []);

  return (
    <section className="page registered-appeal" aria-labelledby="registered-heading">
      <h2 id="registered-heading" ref={headingRef} tabIndex={-1}>
        {t('registered.title')}
      </h2>
      <dl className="registered-codes">
        <div>
          <dt>{t('registered.number')}</dt>
          <dd data-testid="registration-number">{appeal.registrationNumber}</dd>
        </div>
        <div>
          <dt>{t('registered.trackingCode')}</dt>
          <dd data-testid="tracking-code">{appeal.trackingCode}</dd>
        </div>
      </dl>
      <p>{t('registered.explain')}</p>
      <div className="actions">
        {RECEIPT_LANGUAGES.map((language) => (
          <button
            key={language}
            type="button"
            className="secondary"
            disabled={print.isPending}
            onClick={() => print.mutate(language)}
          >
            {t(`registered.print.${language}`)}
          </button>
        ))}
        <button type="button" onClick={onNext}>
          {t('registered.next')}
        </button>
      </div>
      {print.isPending && (
        <p role="status" className="field-hint">
          {t('registered.preparing')}
        </p>
      )}
      {print.error && <ErrorNotice error={print.error} />}
      {RECEIPT_LANGUAGES.map(
        (language) =>
          blocked[language] && (
            <p key={language} role="status" className="notice notice-warning">
              {t('registered.blocked')}{' '}
              <a href={blocked[language]} download={`${appeal.registrationNumber}-${language}.pdf`}>
                {t(`registered.download.${language}`)}
              </a>
            </p>
          ),
      )}
    </section>
  );
}
