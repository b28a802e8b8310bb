/**
 * Log paths that may hold personal data (IIN, phone, email, name). pino replaces them with
 * "[redacted]" so no log line carries them in clear, whatever object a caller logs.
 */
const PERSONAL_FIELDS = ['iin', 'phone', 'email', 'fullName', 'resident'];

export const REDACTED_LOG_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  ...PERSONAL_FIELDS.flatMap((field) => [field, `*.${field}`, `*.*.${field}`, `*.*.*.${field}`]),
];

/** Masks all but the last `visible` characters, for the rare log line that must hint at a value. */
export function maskPersonalValue(value: string, visible = 2): string {
  return value.length <= visible
    ? '*'.repeat(value.length)
    : `${'*'.repeat(value.length - visible)}${value.slice(-visible)}`;
}
