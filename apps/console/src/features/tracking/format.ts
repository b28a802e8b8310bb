import { useTranslation } from 'react-i18next';
import { OFFICE_TIME_ZONE } from '../../ui/office-time';

/** Dates in the reader's language, on the office's clock (Asia/Atyrau). */
export function useTrackingFormat() {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage === 'kk' ? 'kk' : 'ru';
  const locale = language === 'kk' ? 'kk-KZ' : 'ru-RU';
  const dateTime = new Intl.DateTimeFormat(locale, {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: OFFICE_TIME_ZONE,
  });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: OFFICE_TIME_ZONE });
  return {
    language,
    dateTime: (iso: string) => dateTime.format(new Date(iso)),
    date: (iso: string) => date.format(new Date(iso)),
  };
}
