import type { TFunction } from 'i18next';

export const REASON_MIN = 3;
export const REASON_MAX = 2_000;

/** The reason a reassignment or an extension needs (3–2000 characters, as the services check). */
export function reasonErrors(reason: string, t: TFunction<'inbox'>): string[] | undefined {
  const length = reason.trim().length;
  if (length === 0) return [t('errors.reasonRequired')];
  if (length < REASON_MIN) return [t('errors.reasonTooShort', { min: REASON_MIN })];
  if (length > REASON_MAX) return [t('errors.textTooLong', { max: REASON_MAX })];
  return undefined;
}
