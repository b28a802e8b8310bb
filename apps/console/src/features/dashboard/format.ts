import { useTranslation } from 'react-i18next';
import { OFFICE_TIME_ZONE } from '../../ui/office-time';

export interface Named {
  nameKk: string;
  nameRu: string;
}

/** Formatting in the reader's language: numbers, percentages, instants in the office's zone. */
export function useFormat() {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage === 'kk' ? 'kk' : 'ru';
  const locale = language === 'kk' ? 'kk-KZ' : 'ru-RU';
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const dateTime = new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: OFFICE_TIME_ZONE,
  });
  const time = new Intl.DateTimeFormat(locale, { timeStyle: 'medium', timeZone: OFFICE_TIME_ZONE });
  return {
    language,
    percent: (value: number | null) => (value === null ? '—' : percent.format(value)),
    number: (value: number | null) => (value === null ? '—' : number.format(value)),
    dateTime: (iso: string | number) => dateTime.format(new Date(iso)),
    time: (at: number) => time.format(new Date(at)),
    name: (named: Named | undefined, fallback: string) =>
      named ? (language === 'kk' ? named.nameKk : named.nameRu) : fallback,
  };
}
