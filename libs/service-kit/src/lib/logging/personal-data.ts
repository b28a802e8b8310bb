/**
 * Log paths that may hold personal data (IIN, phone, email, name). pino replaces them with
 * "[redacted]" so no log line carries them in clear, whatever object a caller logs.
 */
export const PERSONAL_FIELDS = ['iin', 'phone', 'email', 'fullName', 'resident'];

export const REDACTED = '[redacted]';

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

/** E-mail addresses, Kazakh phone numbers (+7 / 8 …) and runs of 10–12 digits (IIN, bare phones). */
const PERSONAL_TEXT = [
  /[^\s@"'<>(),;:]+@[^\s@"'<>(),;:]+\.[a-z]{2,}/gi,
  /(?:\+7|\b8)[\s(-]*\d{3}[\s)-]*\d{3}[\s-]*\d{2}[\s-]*\d{2}\b/g,
  /\b\d{10,12}\b/g,
];

/** Masks what looks like an e-mail, phone or IIN inside free text (reasons, appeal texts, raw values). */
export function maskPersonalText(text: string): string {
  return PERSONAL_TEXT.reduce((masked, pattern) => masked.replace(pattern, (match) => maskPersonalValue(match)), text);
}

/**
 * A copy of a parsed value fit to show an operator: fields named in PERSONAL_FIELDS become
 * "[redacted]" wherever they are nested (as in the logs), and every other string is masked by
 * maskPersonalText.
 */
export function redactPersonalData(value: unknown): unknown {
  if (typeof value === 'string') return maskPersonalText(value);
  if (Array.isArray(value)) return value.map(redactPersonalData);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([field, inner]) => [
        field,
        PERSONAL_FIELDS.includes(field) ? REDACTED : redactPersonalData(inner),
      ]),
    );
  }
  return value;
}
