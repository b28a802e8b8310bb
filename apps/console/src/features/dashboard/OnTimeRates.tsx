import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Loading } from '../../ui/Loading';
import { AnswerCounts, fetchBreakdown, fetchSummary, onTimeRate, REFRESH_MS } from './dashboard-api';
import { useFormat } from './format';

interface OnTimeRatesProps {
  from: string;
  unitName: (code: string) => string;
}

/** Brief and full answers given on time in the period: the whole akimat, then unit by unit. */
export function OnTimeRates({ from, unitName }: OnTimeRatesProps) {
  const { t } = useTranslation('dashboard');
  const { percent } = useFormat();
  const summary = useQuery({
    queryKey: ['dashboard', 'summary', from],
    queryFn: ({ signal }) => fetchSummary(from, signal),
    refetchInterval: REFRESH_MS,
  });
  const byUnit = useQuery({
    queryKey: ['dashboard', 'breakdown', 'unit', from],
    queryFn: ({ signal }) => fetchBreakdown('unit', from, signal),
    refetchInterval: REFRESH_MS,
  });

  const cells = (counts: AnswerCounts) => (
    <>
      <td>{percent(onTimeRate(counts))}</td>
      <td>{t('rates.ofAnswered', { onTime: counts.onTime, answered: counts.onTime + counts.late })}</td>
    </>
  );
  const units = (byUnit.data ?? [])
    .filter((row) => row.key !== 'unrouted')
    .sort((a, b) => unitName(a.key).localeCompare(unitName(b.key)));

  return (
    <section className="page" aria-labelledby="rates-title">
      <h2 id="rates-title">{t('rates.title')}</h2>
      {(summary.isPending || byUnit.isPending) && <Loading />}
      <ErrorNotice error={summary.error ?? byUnit.error} />
      {summary.data && (
        <table data-testid="on-time-rates">
          <thead>
            <tr>
              <th scope="col">{t('rates.unit')}</th>
              <th scope="col">{t('rates.brief')}</th>
              <th scope="col">{t('rates.briefCounts')}</th>
              <th scope="col">{t('rates.full')}</th>
              <th scope="col">{t('rates.fullCounts')}</th>
              <th scope="col">{t('rates.overdueNow')}</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{t('rates.overall')}</th>
              {cells(summary.data.briefAnswers)}
              {cells(summary.data.fullAnswers)}
              <td>{summary.data.overdueNow}</td>
            </tr>
            {units.map((row) => (
              <tr key={row.key}>
                <th scope="row">{unitName(row.key)}</th>
                {cells(row.briefAnswers)}
                {cells(row.fullAnswers)}
                <td>{row.overdueNow}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
