import i18n from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';

export const LANGUAGES = ['kk', 'ru'] as const;
export type Language = (typeof LANGUAGES)[number];

// Every locales/<language>/<namespace>.json, bundled: two languages of short strings cost less than
// a round trip before the first screen.
const files = import.meta.glob<{ default: Record<string, unknown> }>('./locales/*/*.json', { eager: true });
const resources: Record<string, Record<string, Record<string, unknown>>> = {};
for (const [path, file] of Object.entries(files)) {
  const [, language, namespace] = /\.\/locales\/(\w+)\/(\w+)\.json$/.exec(path) ?? [];
  if (language && namespace) (resources[language] ??= {})[namespace] = file.default;
}

void i18n
  .use(LanguageDetector)
  .use(initReactI18next)
  .init({
    resources,
    supportedLngs: [...LANGUAGES],
    fallbackLng: 'kk',
    defaultNS: 'common',
    interpolation: { escapeValue: false }, // React escapes
    // The choice is remembered in this browser; the first visit follows the browser's language.
    detection: { order: ['localStorage', 'navigator'], lookupLocalStorage: 'akimat.language', caches: ['localStorage'] },
    returnNull: false,
  });

const setDocumentLanguage = (language: string) => {
  if (typeof document !== 'undefined') document.documentElement.lang = language;
};
setDocumentLanguage(i18n.resolvedLanguage ?? 'kk');
i18n.on('languageChanged', setDocumentLanguage);

export function currentLanguage(): Language {
  return i18n.resolvedLanguage === 'ru' ? 'ru' : 'kk';
}

export default i18n;
