import { ApiError } from '../../api/api-error';

/** Automatic retries of a POST with its Idempotency-Key: only when nothing was refused (offline, 502–504). */
export const MAX_AUTOMATIC_RETRIES = 3;

export function shouldRetry(failureCount: number, error: unknown): boolean {
  return failureCount < MAX_AUTOMATIC_RETRIES && error instanceof ApiError && error.retryable;
}

/** 0.5 s, 1 s, 2 s: quick enough for the person waiting at the desk, gentle on a struggling service. */
export function retryDelay(attempt: number): number {
  return Math.min(500 * 2 ** Math.max(0, attempt - 1), 4_000);
}
