import { AnswerOutcome, AppealStatus } from '@akimat/contracts/browser';
import { api } from '../../api/api-client';

export { ANSWER_OUTCOMES, APPEAL_STATUSES } from '@akimat/contracts/browser';
export type { AnswerOutcome, AppealStatus } from '@akimat/contracts/browser';

/** The unit residents' appeals are handed back to when they are "not ours". */
export const TRIAGE_UNIT_CODE = 'chief-of-staff-triage';

export interface Deadline {
  kind: 'brief_answer' | 'full_answer' | 'forwarding' | 'extension_notice';
  dueAt: string;
}

export interface UnitRef {
  code: string;
  nameKk: string | null;
  nameRu: string | null;
}

/** One line of the inbox (appeals `inbox.view.ts`). */
export interface InboxItem {
  id: string;
  registrationNumber: string;
  status: AppealStatus;
  category: string;
  locality: string | null;
  anonymous: boolean;
  textPreview: string;
  registeredAt: string;
  unit: UnitRef | null;
  deadlines: Deadline[];
  nextDueAt: string | null;
  overdue: boolean;
}

export interface InboxPageData {
  items: InboxItem[];
  total: number;
  limit: number;
  offset: number;
}

export interface InboxQuery {
  unitId?: string;
  status?: AppealStatus;
  overdueOnly: boolean;
  offset: number;
  limit: number;
}

export interface AnswerView {
  kind: 'brief' | 'full' | string;
  text: string;
  author: { name: string | null; position: string | null };
  answeredAt: string;
  dueAt: string | null;
  onTime: boolean | null;
  outcome: AnswerOutcome | null;
  refusalReasons: string | null;
}

export interface TimelineEntry {
  at: string;
  kind: string;
  actorName: string | null;
  details: Record<string, unknown> | null;
}

/**
 * The appeal card as the console uses it. The service also sends a masked IIN and contacts; they are
 * deliberately not part of this type, so no screen here can show them.
 */
export interface AppealCard {
  id: string;
  registrationNumber: string;
  status: AppealStatus;
  category: string;
  channel: string;
  text: string;
  anonymous: boolean;
  resident: { fullName: string | null; language: 'kk' | 'ru' } | null;
  locality: string | null;
  registeredAt: string;
  assignment: {
    unitCode: string;
    unitNameKk: string | null;
    unitNameRu: string | null;
    reason: string | null;
    routedAt: string | null;
  } | null;
  deadlines: Deadline[];
  nextDueAt: string | null;
  forwardedTo: string | null;
  answers: AnswerView[];
  timeline: TimelineEntry[];
}

export type { Named as CategoryView, Unit as UnitView } from '../../api/reference-data';

export const inboxKeys = {
  list: (query: InboxQuery) => ['inbox', 'list', query] as const,
  appeal: (id: string) => ['inbox', 'appeal', id] as const,
};

export function inboxSearch(query: InboxQuery): string {
  const params = new URLSearchParams({ sort: 'due', limit: String(query.limit), offset: String(query.offset) });
  if (query.unitId) params.set('unitId', query.unitId);
  if (query.status) params.set('status', query.status);
  if (query.overdueOnly) params.set('overdue', 'true');
  return params.toString();
}

export function fetchInbox(query: InboxQuery, signal?: AbortSignal) {
  return api<InboxPageData>('appeals', `/api/v1/appeals?${inboxSearch(query)}`, { signal });
}

export function fetchAppeal(id: string, signal?: AbortSignal) {
  return api<AppealCard>('appeals', `/api/v1/appeals/${encodeURIComponent(id)}`, { signal });
}

const action = (id: string, name: string) => `/api/v1/appeals/${encodeURIComponent(id)}/${name}`;

export function giveBriefAnswer(id: string, body: { text: string }) {
  return api<unknown>('appeals', action(id, 'brief-answer'), { method: 'POST', body });
}

export function giveFullAnswer(id: string, body: { text: string; outcome: AnswerOutcome; refusalReasons?: string }) {
  return api<unknown>('appeals', action(id, 'full-answer'), { method: 'POST', body });
}

export function extendTerm(id: string, body: { newDueAt: string; reason: string }) {
  return api<unknown>('appeals', action(id, 'extend'), { method: 'POST', body });
}

/** Routing moves the appeal; a unit head may only name the triage desk. */
export function reassign(id: string, body: { targetUnitCode: string; reason: string }) {
  return api<unknown>('routing', action(id, 'reassign'), { method: 'POST', body });
}

/** The latest due time of one kind of answer clock, if any. */
export function dueOf(deadlines: readonly Deadline[], kind: Deadline['kind']): string | null {
  const matching = deadlines.filter((deadline) => deadline.kind === kind);
  return matching.length ? matching[matching.length - 1].dueAt : null;
}
