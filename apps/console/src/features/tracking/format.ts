import { useTranslation } from 'react-i18next';

/** Dates in the reader's language, on the office's clock (Asia/Atyrau). */
export function useTrackingFormat() {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage === 'kk' ? 'kk' : 'ru';
  const locale = language === 'kk' ? 'kk-KZ' : 'ru-RU';
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'Asia/Atyrau' });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'Asia/Atyrau' });
  return {
    language,
    dateTime: (iso: string) => dateTime.format(new Date(iso)),
    date: (iso: string) => date.format(new Date(iso)),
  };
}
