import { Dispatch, SetStateAction, useCallback, useState } from 'react';

/**
 * useState that lives on in this browser tab (sessionStorage): what a person typed survives a reload,
 * a crash or signing in again after the session expired. Back at its initial value, it is removed.
 * Keys start with "akimat." so signing out forgets them with the rest of the person's work.
 */
export function useTabState<T>(key: `akimat.${string}`, initial: T): [T, Dispatch<SetStateAction<T>>] {
  const [value, setValue] = useState<T>(() => {
    try {
      const stored = sessionStorage.getItem(key);
      return stored === null ? initial : (JSON.parse(stored) as T);
    } catch {
      return initial;
    }
  });
  const set = useCallback<Dispatch<SetStateAction<T>>>(
    (next) => {
      setValue((current) => {
        const value = typeof next === 'function' ? (next as (previous: T) => T)(current) : next;
        try {
          if (Object.is(value, initial)) sessionStorage.removeItem(key);
          else sessionStorage.setItem(key, JSON.stringify(value));
        } catch {
          // Storage full or disabled: the value still lives in the page.
        }
        return value;
      });
    },
    [key, initial],
  );
  return [value, set];
}
