const CONNECTION_ERROR_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND']);

/**
 * Whether an error says the database could not be reached (rather than that it refused this
 * statement): connection refused or cut, SQLSTATE class 08 (connection exception) or 57P0x
 * (the server shutting down). Such a failure must be retried later, never dead-lettered.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (
    typeof code === 'string' &&
    (CONNECTION_ERROR_CODES.has(code) || code.startsWith('08') || code.startsWith('57P0'))
  ) {
    return true;
  }
  return (
    typeof message === 'string' &&
    /Connection terminated|connection is closed|timeout exceeded when trying to connect/i.test(message)
  );
}
