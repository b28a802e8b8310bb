import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router';

/**
 * A screen that failed to load or crashed: most often a console updated while this tab was open (its
 * old screen files are gone), so the way out is a reload.
 */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  if (error) console.warn('screen failed', error);
  return (
    <section className="page" role="alert" aria-labelledby="route-error-title">
      <h1 id="route-error-title">{t('routeError.title')}</h1>
      <p>{t('routeError.explain')}</p>
      <button type="button" onClick={() => window.location.reload()}>
        {t('routeError.reload')}
      </button>
    </section>
  );
}
