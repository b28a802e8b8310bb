import { useTranslation } from 'react-i18next';
import { NavLink, useLocation } from 'react-router';
import { SCREENS, screensFor } from '../app/screens';
import { useAuth } from '../auth/auth-context';
import { Frame } from './Frame';
import { useDocumentTitle } from './use-document-title';

/** The staff screens' frame: what this person may open, who is signed in, the language. */
export function StaffLayout() {
  const { t } = useTranslation();
  const { staff, signOut } = useAuth();
  const { pathname } = useLocation();
  const current = SCREENS.find((screen) => pathname.startsWith(screen.path));
  useDocumentTitle(current ? t(`nav.${current.key}`) : pathname.startsWith('/sign-in') ? t('signIn.title') : undefined);
  return (
    <Frame
      className="shell"
      nav={
        staff && (
          <nav aria-label={t('nav.label')}>
            {screensFor(staff.roles).map((screen) => (
              <NavLink key={screen.key} to={screen.path}>
                {t(`nav.${screen.key}`)}
              </NavLink>
            ))}
          </nav>
        )
      }
      end={
        staff && (
          <>
            <span className="staff-name" title={staff.position}>
              {staff.name}
            </span>
            <button type="button" className="link-button" onClick={signOut}>
              {t('signOut')}
            </button>
          </>
        )
      }
    />
  );
}
