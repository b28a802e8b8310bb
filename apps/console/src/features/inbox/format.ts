/** Date and time as people in the office read them (the office clock), in the language of the console. */
export { officeDateTime as formatDateTime } from '../../ui/office-time';

/** A name kept in both languages, in the console's language (the other one, then the code, if missing). */
export function localName(
  names: { nameKk?: string | null; nameRu?: string | null } | null | undefined,
  language: string | undefined,
  fallback: string,
): string {
  if (!names) return fallback;
  const [first, second] = language === 'kk' ? [names.nameKk, names.nameRu] : [names.nameRu, names.nameKk];
  return first || second || fallback;
}
