import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useLocation } from 'react-router';
import { SCREENS, screensFor } from '../app/screens';
import { useAuth } from '../auth/auth-context';
import { ConnectionBanner } from './ConnectionBanner';
import { LanguageSwitcher } from './LanguageSwitcher';
import { useDocumentTitle } from './use-document-title';

/** The staff screens' frame: what this person may open, who is signed in, the language. */
export function StaffLayout() {
  const { t } = useTranslation();
  const { staff, signOut } = useAuth();
  const { pathname } = useLocation();
  const current = SCREENS.find((screen) => pathname.startsWith(screen.path));
  useDocumentTitle(current ? t(`nav.${current.key}`) : pathname.startsWith('/sign-in') ? t('signIn.title') : undefined);
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <header className="topbar">
        <span className="brand">{t('brand')}</span>
        {staff && (
          <nav aria-label={t('nav.label')}>
            {screensFor(staff.roles).map((screen) => (
              <NavLink key={screen.key} to={screen.path}>
                {t(`nav.${screen.key}`)}
              </NavLink>
            ))}
          </nav>
        )}
        <div className="topbar-end">
          <LanguageSwitcher />
          {staff && (
            <>
              <span className="staff-name" title={staff.position}>
                {staff.name}
              </span>
              <button type="button" className="link-button" onClick={signOut}>
                {t('signOut')}
              </button>
            </>
          )}
        </div>
      </header>
      <ConnectionBanner />
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
