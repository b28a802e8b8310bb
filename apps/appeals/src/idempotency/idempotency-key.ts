import { createHash } from 'node:crypto';
import { badRequestFor } from '@akimat/service-kit';

const KEY_FORMAT = /^[\x21-\x7e]{8,200}$/;

export function assertIdempotencyKeyFormat(key: string | undefined): void {
  if (key !== undefined && !KEY_FORMAT.test(key)) {
    throw badRequestFor([
      {
        field: 'Idempotency-Key',
        rule: 'format',
        message: 'Idempotency-Key must be 8–200 visible ASCII characters, e.g. a UUID',
      },
    ]);
  }
}

/** Tells a retry (same body) from a different request reusing the key. */
export function requestHash(request: unknown): string {
  return createHash('sha256').update(JSON.stringify(request)).digest('hex');
}
