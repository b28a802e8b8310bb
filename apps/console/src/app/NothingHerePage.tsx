import { useTranslation } from 'react-i18next';

/** For roles with no console screen (admin, ops): where their tools are instead. */
export function NothingHerePage() {
  const { t } = useTranslation();
  return (
    <section className="page" aria-labelledby="nothing-title">
      <h1 id="nothing-title">{t('nothingHere.title')}</h1>
      <p>{t('nothingHere.explain')}</p>
    </section>
  );
}
