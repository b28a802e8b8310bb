import { useEffect, useRef, useState } from 'react';

export interface Arrivals {
  /** How many appeals the latest poll brought that were not on the list before. */
  count: number;
  /** Changes with every batch, so the same count twice is still announced again. */
  batch: number;
}

/**
 * Appeals that appeared in a poll and were not on the list before. The first list of a scope (unit,
 * filters, page) only records what has been seen, so changing a filter announces nothing.
 */
export function useNewArrivals(ids: readonly string[] | undefined, scope: string): Arrivals {
  const seen = useRef<{ scope: string; ids: Set<string> } | null>(null);
  const [arrivals, setArrivals] = useState<Arrivals>({ count: 0, batch: 0 });
  useEffect(() => {
    if (!ids) return;
    const known = seen.current;
    if (!known || known.scope !== scope) {
      seen.current = { scope, ids: new Set(ids) };
      setArrivals((previous) => (previous.count === 0 ? previous : { count: 0, batch: previous.batch + 1 }));
      return;
    }
    const fresh = ids.filter((id) => !known.ids.has(id));
    if (fresh.length === 0) return;
    for (const id of fresh) known.ids.add(id);
    setArrivals((previous) => ({ count: fresh.length, batch: previous.batch + 1 }));
  }, [ids, scope]);
  return arrivals;
}
