/**
 * Where an appeal stands in its lifecycle (the appeals service's state machine moves it; the console
 * filters and labels by it), and the outcomes a full answer may state.
 */
export const APPEAL_STATUSES = [
  'registered',
  'assigned',
  'brief_answered',
  'full_answered',
  'reopened',
  'forwarded',
  'closed',
] as const;
export type AppealStatus = (typeof APPEAL_STATUSES)[number];

export const ANSWER_OUTCOMES = ['satisfied', 'partly_satisfied', 'refused'] as const;
export type AnswerOutcome = (typeof ANSWER_OUTCOMES)[number];
