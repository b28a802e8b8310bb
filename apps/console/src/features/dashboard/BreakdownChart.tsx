import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Loading } from '../../ui/Loading';
import { BarChart } from './BarChart';
import { AppealDimension, fetchBreakdown, REFRESH_MS } from './dashboard-api';

interface BreakdownChartProps {
  by: Extract<AppealDimension, 'category' | 'locality'>;
  from: string;
  nameOf: (key: string) => string;
}

/** Appeals registered in the period by category or by locality, most first. */
export function BreakdownChart({ by, from, nameOf }: BreakdownChartProps) {
  const { t } = useTranslation('dashboard');
  const rows = useQuery({
    queryKey: ['dashboard', 'breakdown', by, from],
    queryFn: ({ signal }) => fetchBreakdown(by, from, signal),
    refetchInterval: REFRESH_MS,
  });
  const title = t(`charts.${by}`);
  const figures = (rows.data ?? []).filter((row) => row.registered > 0).sort((a, b) => b.registered - a.registered);
  return (
    <section className="page" aria-labelledby={`breakdown-${by}`}>
      <h2 id={`breakdown-${by}`}>{title}</h2>
      {rows.isPending && <Loading />}
      <ErrorNotice error={rows.error} />
      {rows.data && (
        <BarChart
          title={title}
          horizontal
          labels={figures.map((row) => nameOf(row.key))}
          series={[{ label: t('charts.registered'), values: figures.map((row) => row.registered) }]}
        />
      )}
    </section>
  );
}
