import { useMutation } from '@tanstack/react-query';
import { FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ApiError } from '../../api/api-error';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import { Credentials, REGISTRATION_NUMBER, trackAppeal, TrackingView } from './tracking-api';
import { TrackingResult } from './TrackingResult';

const normalizeNumber = (value: string) => value.trim().toUpperCase();

/** Why a lookup failed, said so a resident knows what to do; the same words for a wrong number or code. */
function LookupError({ error }: { error: unknown }) {
  const { t } = useTranslation('tracking');
  if (!error) return null;
  const kind = error instanceof ApiError ? error.kind : undefined;
  if (kind === 'not-found' || kind === 'validation') {
    return (
      <div role="alert" className="notice notice-error">
        {t('errors.notFound')}
      </div>
    );
  }
  if (kind === 'rate-limited') {
    return (
      <div role="alert" className="notice notice-warning">
        {t('errors.rateLimited')}
      </div>
    );
  }
  return <ErrorNotice error={error} />;
}

/** The resident's page: the number and code from the receipt show where the appeal stands. */
export default function TrackingPage() {
  const { t } = useTranslation('tracking');
  const params = useParams();
  const navigate = useNavigate();
  const [number, setNumber] = useState(() => normalizeNumber(params.registrationNumber ?? ''));
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<{ number?: string; code?: string }>({});
  // The code lives only here, in memory: never in the address, never stored.
  const [found, setFound] = useState<{ credentials: Credentials; view: TrackingView }>();
  const resultHeading = useRef<HTMLHeadingElement>(null);

  const lookup = useMutation({
    mutationFn: (credentials: Credentials) => trackAppeal(credentials),
    onSuccess: (view, credentials) => setFound({ credentials, view }),
    onError: () => setFound(undefined),
  });

  // A new result takes the focus, so a screen reader reads it out and a phone scrolls to it.
  useEffect(() => {
    if (lookup.data) resultHeading.current?.focus();
  }, [lookup.data]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const registrationNumber = normalizeNumber(number);
    const trackingCode = code.trim();
    const next = {
      number: !registrationNumber
        ? t('form.numberRequired')
        : REGISTRATION_NUMBER.test(registrationNumber)
          ? undefined
          : t('form.numberFormat'),
      code: trackingCode ? undefined : t('form.codeRequired'),
    };
    setErrors(next);
    if (next.number || next.code) return;
    if (params.registrationNumber !== registrationNumber) {
      void navigate(`/track/${encodeURIComponent(registrationNumber)}`, { replace: true });
    }
    lookup.mutate({ registrationNumber, trackingCode });
  };

  return (
    <>
      <section className="page">
        <h1>{t('title')}</h1>
        <p>{t('intro')}</p>
        <form onSubmit={submit} noValidate>
          <Field label={t('form.number')} hint={t('form.numberHint')} errors={errors.number ? [errors.number] : []}>
            {(props) => (
              <input
                {...props}
                name="registrationNumber"
                value={number}
                onChange={(event) => setNumber(event.target.value.toUpperCase())}
                autoCapitalize="characters"
                autoComplete="off"
                spellCheck={false}
                inputMode="text"
                required
              />
            )}
          </Field>
          <Field label={t('form.code')} hint={t('form.codeHint')} errors={errors.code ? [errors.code] : []}>
            {(props) => (
              <input
                {...props}
                name="trackingCode"
                value={code}
                onChange={(event) => setCode(event.target.value)}
                autoCapitalize="characters"
                autoComplete="off"
                spellCheck={false}
                required
              />
            )}
          </Field>
          <div className="actions">
            <button type="submit" disabled={lookup.isPending}>
              {lookup.isPending ? t('form.checking') : t('form.submit')}
            </button>
          </div>
        </form>
        <LookupError error={lookup.error} />
      </section>
      {found && (
        <TrackingResult
          key={found.view.registrationNumber}
          headingRef={resultHeading}
          credentials={found.credentials}
          view={found.view}
          onChange={(view) => setFound({ credentials: found.credentials, view })}
        />
      )}
    </>
  );
}
