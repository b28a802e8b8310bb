import { useCallback, useEffect, useState } from 'react';
import { AppealDraft, clearDraft, loadDraft, newDraft, saveDraft } from './appeal-draft';
import { newIdempotencyKey } from './idempotency-key';
import type { ResidentLanguage } from './reception-api';

/** Nothing typed yet: no need to keep it (its key has never been sent). */
function isPristine(draft: AppealDraft, language: ResidentLanguage): boolean {
  const empty = newDraft(language);
  return (Object.keys(empty) as (keyof AppealDraft)[]).every(
    (field) => field === 'idempotencyKey' || draft[field] === empty[field],
  );
}

/**
 * The appeal card's draft: restored from this tab's sessionStorage (it survives a reload or a crash),
 * saved on every change, cleared when the appeal is registered.
 */
export function useAppealDraft(defaultLanguage: ResidentLanguage) {
  const [draft, setDraft] = useState<AppealDraft>(() => loadDraft() ?? newDraft(defaultLanguage));

  useEffect(() => {
    if (isPristine(draft, defaultLanguage)) clearDraft();
    else saveDraft(draft);
  }, [draft, defaultLanguage]);

  const update = useCallback((patch: Partial<Omit<AppealDraft, 'idempotencyKey'>>) => {
    setDraft((current) => ({ ...current, ...patch }));
  }, []);

  /** After registration: a fresh card with a fresh Idempotency-Key. */
  const startNext = useCallback(() => {
    clearDraft();
    setDraft(newDraft(defaultLanguage));
  }, [defaultLanguage]);

  /**
   * The same card sent as a new appeal: after the service refused its key (409: the key was used for
   * different content, i.e. an earlier version of this card reached it), keep what is typed, new key.
   */
  const renewKey = useCallback(() => {
    setDraft((current) => ({ ...current, idempotencyKey: newIdempotencyKey() }));
  }, []);

  return { draft, update, startNext, renewKey };
}
