import i18n from '../i18n/i18n';
import { ApiError, FieldViolation, kindOfStatus } from './api-error';

/** The services behind the gateway: the console calls each under /svc/<name>/… on its own origin. */
export type ServiceName = 'appeals' | 'routing' | 'notifications' | 'stats';

export interface ApiRequest {
  method?: 'GET' | 'POST' | 'PUT';
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

interface Session {
  token(): string | undefined;
  /** A 401: the token expired or was revoked; the console asks the person to sign in again. */
  expired(): void;
}

let session: Session = { token: () => undefined, expired: () => undefined };

/** Set by the sign-in state: where calls get their bearer token. */
export function connectApiSession(next: Session): void {
  session = next;
}

export function serviceUrl(service: ServiceName, path: string): string {
  return `/svc/${service}${path}`;
}

/** Sends one call; answers its JSON, or throws an ApiError saying what a person can do about it. */
export async function api<T>(service: ServiceName, path: string, request: ApiRequest = {}): Promise<T> {
  const response = await send(service, path, request);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** The same for a file (the receipt PDF). */
export async function apiBlob(service: ServiceName, path: string, request: ApiRequest = {}): Promise<Blob> {
  return (await send(service, path, request)).blob();
}

async function send(service: ServiceName, path: string, { method = 'GET', body, headers, signal }: ApiRequest) {
  const token = session.token();
  let response: Response;
  try {
    response = await fetch(serviceUrl(service, path), {
      method,
      signal,
      headers: {
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError('offline', 0, 'The request did not reach the server');
  }
  if (response.ok) return response;
  const problem = await response.json().catch(() => ({}) as Record<string, unknown>);
  if (response.status === 401 && token) session.expired();
  const message = Array.isArray(problem.message) ? problem.message.join('; ') : String(problem.message ?? response.statusText);
  const violations = Array.isArray(problem.violations) ? (problem.violations as FieldViolation[]).map(inOwnLanguage) : [];
  throw new ApiError(kindOfStatus(response.status), response.status, message, violations);
}

/**
 * The services explain violations in English; a rule the console knows is said in the person's
 * language instead (the field it belongs to is shown beside it). An unknown rule keeps its message.
 */
function inOwnLanguage(violation: FieldViolation): FieldViolation {
  const key = `violations.${violation.rule}`;
  return i18n.exists(key) ? { ...violation, message: i18n.t(key) } : violation;
}
