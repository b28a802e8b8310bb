/** Date and time as people in the office read them, in the language of the console. */
export function formatDateTime(iso: string | null | undefined, language: string | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '—';
  return new Intl.DateTimeFormat(language === 'kk' ? 'kk-KZ' : 'ru-RU', {
    dateStyle: 'short',
    timeStyle: 'short',
  }).format(date);
}

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
