import { ApiError } from '../../api/api-error';
import { violationsByField } from '../../ui/field-errors';

export type ClientErrors<F extends string> = Partial<Record<F, string[]>>;

/** A field's messages: the client's own checks first, then what the service's 400 said about it. */
export function errorsFor<F extends string>(field: F, client: ClientErrors<F>, serverError: unknown): string[] {
  return [...(client[field] ?? []), ...(violationsByField(serverError)[field] ?? [])];
}

/** What a 400 said that belongs to no field of the form (or the service's message when it named none). */
export function unplacedMessages(error: unknown, fields: readonly string[]): string[] {
  if (!(error instanceof ApiError) || error.kind !== 'validation') return [];
  if (error.violations.length === 0) return error.message ? [error.message] : [];
  return error.violations
    .filter((violation) => !fields.includes(violation.field))
    .map((violation) => violation.message);
}
