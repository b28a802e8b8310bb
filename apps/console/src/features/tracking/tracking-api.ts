import type { AnswerOutcome } from '@akimat/contracts/browser';
import { api } from '../../api/api-client';

export type DeadlineKind = 'brief_answer' | 'full_answer' | 'forwarding' | 'extension_notice';
export type { AnswerOutcome } from '@akimat/contracts/browser';

export interface TrackingAnswer {
  kind: 'brief' | 'full';
  text: string;
  author: { name: string | null; position: string | null };
  answeredAt: string;
  dueAt: string | null;
  onTime: boolean | null;
  outcome: AnswerOutcome | null;
  refusalReasons: string | null;
}

/** What a resident sees with the tracking code (apps/appeals tracking.view.ts): no IIN, no phone. */
export interface TrackingView {
  registrationNumber: string;
  status: string;
  category: string;
  registeredAt: string;
  registrationDate: string;
  unit: { code: string; nameKk: string | null; nameRu: string | null } | null;
  deadlines: { kind: DeadlineKind; dueAt: string }[];
  forwardedTo: string | null;
  answers: TrackingAnswer[];
  timeline: { at: string; kind: string; details?: unknown }[];
  feedbackGiven: boolean;
  /** Until when "not resolved" can still reopen it; null when it cannot. */
  reopenPossibleUntil: string | null;
}

export interface Credentials {
  registrationNumber: string;
  trackingCode: string;
}

export const REGISTRATION_NUMBER = /^[A-Z]{2,8}-\d{4}-\d{6}$/;

const path = (registrationNumber: string, action = '') =>
  `/api/v1/track/${encodeURIComponent(registrationNumber)}${action}`;

/** The code travels in a header, never in the address (addresses end up in logs and history). */
export function trackAppeal({ registrationNumber, trackingCode }: Credentials, signal?: AbortSignal) {
  return api<TrackingView>('appeals', path(registrationNumber), {
    headers: { 'X-Tracking-Code': trackingCode },
    signal,
  });
}

export function giveFeedback({ registrationNumber, trackingCode }: Credentials, rating: number, comment?: string) {
  return api<TrackingView>('appeals', path(registrationNumber, '/feedback'), {
    method: 'POST',
    body: { trackingCode, rating, ...(comment ? { comment } : {}) },
  });
}

export function reportNotResolved({ registrationNumber, trackingCode }: Credentials, comment: string) {
  return api<TrackingView>('appeals', path(registrationNumber, '/not-resolved'), {
    method: 'POST',
    body: { trackingCode, comment },
  });
}
