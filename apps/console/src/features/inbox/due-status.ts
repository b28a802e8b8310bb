export type DueStatus = 'overdue' | 'soon' | 'ok' | 'none';

export const DUE_SOON_MS = 24 * 60 * 60 * 1000;

/** Whether an answer is past due, due within the next 24 hours, comfortably ahead, or owed no more. */
export function dueStatus(dueAt: string | null | undefined, now: Date = new Date()): DueStatus {
  if (!dueAt) return 'none';
  const due = Date.parse(dueAt);
  if (Number.isNaN(due)) return 'none';
  const left = due - now.getTime();
  if (left < 0) return 'overdue';
  if (left <= DUE_SOON_MS) return 'soon';
  return 'ok';
}
