import { useIsFetching } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './charts';
import { AnnualReport } from './AnnualReport';
import { BreakdownChart } from './BreakdownChart';
import { REFRESH_MS, yearStart } from './dashboard-api';
import { useFormat } from './format';
import { OnTimeRates } from './OnTimeRates';
import { OverdueByUnit } from './OverdueByUnit';
import { useNames } from './use-names';

/** The leadership's view: what is overdue now, how often answers come on time, where appeals come from. */
export default function DashboardPage() {
  const { t } = useTranslation('dashboard');
  const { time } = useFormat();
  const names = useNames();
  const year = new Date().getFullYear();
  const from = yearStart(year);
  // The directories (names) change rarely and are not "the figures".
  const fetching = useIsFetching({
    queryKey: ['dashboard'],
    predicate: (query) => !['units', 'categories', 'service-catalogue'].includes(String(query.queryKey[1])),
  });
  const [updatedAt, setUpdatedAt] = useState(() => Date.now());
  useEffect(() => {
    if (fetching === 0) setUpdatedAt(Date.now());
  }, [fetching]);

  return (
    <>
      <section className="page">
        <h1>{t('title')}</h1>
        <p className="field-hint">
          {t('period', { year })} {t('refresh', { seconds: REFRESH_MS / 1000, time: time(updatedAt) })}
        </p>
      </section>
      <OverdueByUnit />
      <OnTimeRates from={from} unitName={names.unitName} />
      <BreakdownChart by="category" from={from} nameOf={names.categoryName} />
      <BreakdownChart by="locality" from={from} nameOf={names.localityName} />
      <AnnualReport names={names} />
    </>
  );
}
