import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const CORRELATION_ID_HEADER = 'x-correlation-id';

const SAFE_CORRELATION_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Takes the caller's correlation id when it is well-formed, otherwise starts a new one. */
export function correlationIdOf(req: IncomingMessage): string {
  const header = req.headers[CORRELATION_ID_HEADER];
  const value = Array.isArray(header) ? header[0] : header;
  return value && SAFE_CORRELATION_ID.test(value) ? value : randomUUID();
}
