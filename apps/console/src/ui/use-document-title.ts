import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** "<screen> · Open Akimat" in the browser's tab and for screen readers announcing the page. */
export function useDocumentTitle(screenTitle: string | undefined): void {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = screenTitle ? `${screenTitle} · ${t('brand')}` : t('brand');
  }, [screenTitle, t]);
}
