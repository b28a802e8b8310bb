import { ApiError } from '../api/api-error';

/**
 * The service's 400 violations by field ("resident.iin" → its messages), so each can be shown next
 * to its input. Empty for any other error.
 */
export function violationsByField(error: unknown): Record<string, string[]> {
  if (!(error instanceof ApiError) || error.kind !== 'validation') return {};
  const byField: Record<string, string[]> = {};
  for (const violation of error.violations) (byField[violation.field] ??= []).push(violation.message);
  return byField;
}
