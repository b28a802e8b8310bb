import { api } from '../../api/api-client';

/** On time / late answers of one kind (brief or full). */
export interface AnswerCounts {
  onTime: number;
  late: number;
}

/** The measures the stats service counts for a period (see apps/stats appeal-measures.ts). */
export interface AppealMeasures {
  registered: number;
  routed: number;
  reassigned: number;
  briefAnswers: AnswerCounts;
  fullAnswers: AnswerCounts;
  deadlinesMissed: number;
  openNow: number;
  overdueNow: number;
  hoursToBriefAnswer: { median: number | null; p90: number | null };
  hoursToFullAnswer: { median: number | null; p90: number | null };
  satisfaction: { average: number | null; distribution: Record<'1' | '2' | '3' | '4' | '5', number> };
}

export type BreakdownRow = AppealMeasures & { key: string };

export interface SectorFigures {
  sector: string;
  total: number;
  services: Record<string, number>;
}

export interface WalkInServices {
  total: number;
  bySector: SectorFigures[];
}

export type StatsSummary = AppealMeasures & {
  from: string | null;
  to: string | null;
  byCategory: Record<string, number>;
  byChannel: Record<string, number>;
  byUnit: Record<string, number>;
  services: WalkInServices;
};

export interface AnnualReport {
  year: number;
  from: string;
  to: string;
  services: WalkInServices;
  appeals: AppealMeasures;
  appealsByUnit: BreakdownRow[];
  appealsByCategory: BreakdownRow[];
}

export type AppealDimension = 'unit' | 'category' | 'locality';

export interface UnitRef {
  code: string;
  nameKk: string;
  nameRu: string;
}

/** One overdue appeal as the inbox lists it (only what the dashboard shows). */
export interface OverdueAppeal {
  id: string;
  registrationNumber: string;
  status: string;
  category: string;
  registeredAt: string;
  unit: UnitRef | null;
  nextDueAt: string | null;
}

interface InboxPage {
  items: OverdueAppeal[];
  total: number;
  limit: number;
  offset: number;
}

/** Figures on the dashboard follow the office within half a minute. */
export const REFRESH_MS = 30_000;

/** The office counts years in Asia/Atyrau (UTC+5 all year): the instant 1 January 00:00 there. */
export function yearStart(year: number): string {
  return new Date(Date.UTC(year, 0, 1) - 5 * 3600_000).toISOString();
}

const rangeQuery = (from?: string) => (from ? `from=${encodeURIComponent(from)}` : '');

export function fetchSummary(from: string | undefined, signal?: AbortSignal) {
  const query = rangeQuery(from);
  return api<StatsSummary>('stats', `/api/v1/stats/summary${query ? `?${query}` : ''}`, { signal });
}

export async function fetchBreakdown(by: AppealDimension, from: string | undefined, signal?: AbortSignal) {
  const query = [`by=${by}`, rangeQuery(from)].filter(Boolean).join('&');
  const answer = await api<{ by: string; rows: BreakdownRow[] }>('stats', `/api/v1/stats/breakdown?${query}`, {
    signal,
  });
  return answer.rows;
}

export function fetchReport(year: number, signal?: AbortSignal) {
  return api<AnnualReport>('stats', `/api/v1/stats/report?year=${year}`, { signal });
}

const PAGE = 200;
const MAX_PAGES = 5;

/** Every appeal past its next due time (leadership sees all units), up to 1000; `total` says how many there are. */
export async function fetchOverdue(signal?: AbortSignal): Promise<{ items: OverdueAppeal[]; total: number }> {
  const items: OverdueAppeal[] = [];
  let total = 0;
  for (let page = 0; page < MAX_PAGES; page++) {
    const answer = await api<InboxPage>(
      'appeals',
      `/api/v1/appeals?overdue=true&sort=due&limit=${PAGE}&offset=${page * PAGE}`,
      { signal },
    );
    items.push(...answer.items);
    total = answer.total;
    if (answer.items.length < PAGE || items.length >= total) break;
  }
  return { items, total };
}

/** On time / answered, or null when nothing was answered. */
export function onTimeRate({ onTime, late }: AnswerCounts): number | null {
  return onTime + late === 0 ? null : onTime / (onTime + late);
}
