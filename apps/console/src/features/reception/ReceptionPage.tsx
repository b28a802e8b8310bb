import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api-error';
import { currentLanguage } from '../../i18n/i18n';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { violationsByField } from '../../ui/field-errors';
import { AppealForm } from './AppealForm';
import { appealRequest, DraftField, draftProblems, SERVICE_FIELDS } from './appeal-draft';
import { placementOf, useDesk } from './desk';
import { ReceptionSessionPicker } from './ReceptionSessionPicker';
import { referenceQueries } from '../../api/reference-data';
import { CreateAppealRequest, registerAppeal } from './reception-api';
import { RegisteredAppeal } from './RegisteredAppeal';
import { useRegisteredAppeal } from './registered-appeal-store';
import { retryDelay, shouldRetry } from './retry-policy';
import { useAppealDraft } from './use-appeal-draft';
import './reception.css';

/** The reception desk: the official and the resident face to face, the appeal typed and registered. */
export default function ReceptionPage() {
  const { t } = useTranslation('reception');
  const [desk, setDesk] = useDesk();
  const { draft, update, startNext, renewKey } = useAppealDraft(currentLanguage());
  const [registered, setRegistered] = useRegisteredAppeal();
  const [attempt, setAttempt] = useState(0);
  const [deskProblem, setDeskProblem] = useState<string>();
  const [serverErrors, setServerErrors] = useState<Partial<Record<DraftField, string[]>>>({});
  const [otherViolations, setOtherViolations] = useState<string[]>([]);

  // The card renders at once; the pickers fill in when these arrive.
  const categories = useQuery(referenceQueries.categories);
  const units = useQuery(referenceQueries.units);

  const register = useMutation({
    mutationFn: ({ request, key }: { request: CreateAppealRequest; key: string }) => registerAppeal(request, key),
    // Offline, 502, 503, 504: sent again with the same Idempotency-Key, so it is recorded once.
    retry: shouldRetry,
    retryDelay,
    // Fail visibly rather than wait silently for the network to come back; the draft is kept.
    networkMode: 'always',
    onSuccess: (appeal) => {
      setAttempt(0);
      setRegistered(appeal);
      startNext();
    },
    onError: (error) => {
      const byField: Partial<Record<DraftField, string[]>> = {};
      const other: string[] = [];
      for (const [field, messages] of Object.entries(violationsByField(error))) {
        const own = SERVICE_FIELDS[field];
        if (own) (byField[own] ??= []).push(...messages);
        else other.push(...messages);
      }
      setServerErrors(byField);
      setOtherViolations(other);
    },
  });

  const change: typeof update = (patch) => {
    update(patch);
    const edited = Object.keys(patch) as DraftField[];
    if (edited.some((field) => serverErrors[field])) {
      setServerErrors((current) => {
        const next = { ...current };
        edited.forEach((field) => delete next[field]);
        return next;
      });
    }
  };

  const save = () => {
    const placement = placementOf(desk);
    setDeskProblem(placement ? undefined : 'problems.sessionRequired');
    const problems = Object.keys(draftProblems(draft)).length > 0;
    if (problems || !placement) {
      setAttempt((count) => count + 1);
      // The card's own problems are focused by the card; a missing session, here.
      if (!placement && !problems) {
        setTimeout(() => document.querySelector<HTMLElement>('.reception-desk [aria-invalid="true"]')?.focus());
      }
      return;
    }
    setServerErrors({});
    setOtherViolations([]);
    register.mutate({ request: appealRequest(draft, placement), key: draft.idempotencyKey });
  };

  const next = () => {
    setRegistered(undefined);
    register.reset();
    setServerErrors({});
    setOtherViolations([]);
  };

  // The card's key was used before for different content: an earlier version of it was recorded.
  const keyAlreadyUsed = register.error instanceof ApiError && register.error.kind === 'conflict';

  const pickersNote = (!!categories.error || !!units.error) && (
    <div className="notice notice-warning" role="alert">
      {t(categories.error ? 'pickers.categoriesFailed' : 'pickers.unitsFailed')}{' '}
      <button
        type="button"
        className="link-button"
        onClick={() => {
          if (categories.error) void categories.refetch();
          if (units.error) void units.refetch();
        }}
      >
        {t('pickers.retry')}
      </button>
    </div>
  );

  return (
    <div className="reception">
      <h1>{t('title')}</h1>
      <ReceptionSessionPicker
        desk={desk}
        onChange={(next) => {
          setDesk(next);
          setDeskProblem(undefined);
        }}
        problem={deskProblem}
      />
      {registered ? (
        <RegisteredAppeal appeal={registered} onNext={next} />
      ) : (
        <AppealForm
          draft={draft}
          onChange={change}
          serverErrors={serverErrors}
          attempt={attempt}
          categories={categories.data}
          units={units.data}
          pickersNote={pickersNote}
          pending={register.isPending}
          retries={register.failureCount}
          onSubmit={save}
        >
          {deskProblem && (
            <p className="field-error" role="alert">
              {t(deskProblem)}
            </p>
          )}
          {keyAlreadyUsed ? (
            <div className="notice notice-warning" role="alert">
              <p>{t('keyUsed.explain')}</p>
              <button
                type="button"
                className="secondary"
                onClick={() => {
                  renewKey();
                  register.reset();
                }}
              >
                {t('keyUsed.sendAsNew')}
              </button>
            </div>
          ) : (
            !!register.error && !register.isPending && <ErrorNotice error={register.error} />
          )}
          {otherViolations.length > 0 && (
            <ul className="field-error" role="alert">
              {otherViolations.map((message) => (
                <li key={message}>{message}</li>
              ))}
            </ul>
          )}
        </AppealForm>
      )}
    </div>
  );
}
