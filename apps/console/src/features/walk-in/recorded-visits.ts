import { useCallback, useEffect, useState } from 'react';

/** A service recorded from this tab, with both names so the list follows the console language. */
export interface LoggedVisit {
  id: string;
  renderedAt: string;
  sector: { code: string; nameKk: string; nameRu: string };
  service: { code: string; nameKk: string; nameRu: string };
}

const KEY = 'akimat.walkIn.recorded';
const KEEP = 50;

function load(): LoggedVisit[] {
  try {
    const stored = JSON.parse(sessionStorage.getItem(KEY) ?? '[]') as unknown;
    return Array.isArray(stored) ? (stored as LoggedVisit[]) : [];
  } catch {
    return [];
  }
}

/** What was recorded in this tab (newest first), kept across a reload of the tab. */
export function useRecordedVisits() {
  const [visits, setVisits] = useState(load);
  useEffect(() => {
    sessionStorage.setItem(KEY, JSON.stringify(visits));
  }, [visits]);
  const add = useCallback((visit: LoggedVisit) => setVisits((current) => [visit, ...current].slice(0, KEEP)), []);
  return { visits, add };
}
