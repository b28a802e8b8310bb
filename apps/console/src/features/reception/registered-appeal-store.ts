import { useCallback, useState } from 'react';
import type { RegisteredAppeal } from './reception-api';

const REGISTERED_KEY = 'akimat.reception.registered';

/**
 * The appeal just registered (number, tracking code), kept in this tab until "record next": a reload
 * or a trip to another screen before the resident has them on paper must not lose them.
 */
export function useRegisteredAppeal() {
  const [registered, setRegistered] = useState<RegisteredAppeal | undefined>(() => {
    try {
      return (JSON.parse(sessionStorage.getItem(REGISTERED_KEY) ?? 'null') as RegisteredAppeal | null) ?? undefined;
    } catch {
      return undefined;
    }
  });
  const remember = useCallback((appeal: RegisteredAppeal | undefined) => {
    if (appeal) sessionStorage.setItem(REGISTERED_KEY, JSON.stringify(appeal));
    else sessionStorage.removeItem(REGISTERED_KEY);
    setRegistered(appeal);
  }, []);
  return [registered, remember] as const;
}
