/** Normalises "8 (701) 123-45-67", "+7 701 1234567" and the like to "+77011234567". */
export function normalizeKazakhPhone(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const digits = value.replace(/[\s()-]/g, '');
  return /^8\d{10}$/.test(digits) ? `+7${digits.slice(1)}` : digits;
}

export const KAZAKH_PHONE = /^\+7[67]\d{9}$/;
