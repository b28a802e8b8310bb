import { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import type { StaffRole } from '@akimat/contracts/browser';
import { useAuth } from './auth-context';

/** Shows its page to the roles it names; sends others to sign in, or explains why not. */
export function RequireRoles({ roles, children }: { roles: readonly StaffRole[]; children: ReactNode }) {
  const { staff, hasAnyRole } = useAuth();
  const location = useLocation();
  const { t } = useTranslation();
  if (!staff) return <Navigate to={`/sign-in?next=${encodeURIComponent(location.pathname)}`} replace />;
  if (!hasAnyRole(roles)) {
    return (
      <section className="page" aria-labelledby="forbidden-title">
        <h1 id="forbidden-title">{t('forbidden.title')}</h1>
        <p>{t('forbidden.explain', { roles: staff.roles.map((role) => t(`roles.${role}`)).join(', ') })}</p>
      </section>
    );
  }
  return <>{children}</>;
}
