import { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { ConnectionBanner } from './ConnectionBanner';
import { LanguageSwitcher } from './LanguageSwitcher';

interface FrameProps {
  className: string;
  /** Between the brand and the end of the top bar (the staff's navigation). */
  nav?: ReactNode;
  /** After the language switcher (who is signed in). */
  end?: ReactNode;
}

/** Every screen's frame: skip link, top bar with the language switcher, the connection banner, the screen. */
export function Frame({ className, nav, end }: FrameProps) {
  const { t } = useTranslation();
  return (
    <div className={className}>
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <header className="topbar">
        <span className="brand">{t('brand')}</span>
        {nav}
        <div className="topbar-end">
          <LanguageSwitcher />
          {end}
        </div>
      </header>
      <ConnectionBanner />
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
