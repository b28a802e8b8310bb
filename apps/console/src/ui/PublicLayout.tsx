import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { ConnectionBanner } from './ConnectionBanner';
import { LanguageSwitcher } from './LanguageSwitcher';
import { useDocumentTitle } from './use-document-title';

/** The residents' frame: no staff navigation, narrow enough for a phone. */
export function PublicLayout() {
  const { t } = useTranslation();
  useDocumentTitle(t('tracking:title'));
  return (
    <div className="shell shell-public">
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <header className="topbar">
        <span className="brand">{t('brand')}</span>
        <div className="topbar-end">
          <LanguageSwitcher />
        </div>
      </header>
      <ConnectionBanner />
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
