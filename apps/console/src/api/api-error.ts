export interface FieldViolation {
  field: string;
  rule: string;
  message: string;
}

/** What went wrong, in the terms a person can act on (each has its own message in the console). */
export type ApiErrorKind =
  | 'validation' // 400: fix the named fields
  | 'unauthorized' // 401: sign in again
  | 'forbidden' // 403: your role does not allow this
  | 'not-found' // 404
  | 'conflict' // 409: the appeal is not in a state that allows this
  | 'rate-limited' // 429: wait a minute
  | 'unavailable' // 502/503/504: a service behind the console is down or slow
  | 'offline' // the request did not reach the server
  | 'server'; // any other 5xx

export class ApiError extends Error {
  constructor(
    readonly kind: ApiErrorKind,
    readonly status: number,
    message: string,
    readonly violations: FieldViolation[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Worth sending again unchanged (with the same Idempotency-Key for a POST). */
  get retryable(): boolean {
    return this.kind === 'offline' || this.kind === 'unavailable';
  }
}

export function kindOfStatus(status: number): ApiErrorKind {
  if (status === 400 || status === 422) return 'validation';
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 409) return 'conflict';
  if (status === 429) return 'rate-limited';
  if (status === 502 || status === 503 || status === 504) return 'unavailable';
  return 'server';
}
