import { Bar } from 'react-chartjs-2';
import { useTranslation } from 'react-i18next';
import { SERIES_COLOURS } from './charts';
import { useFormat } from './format';

export interface BarSeries {
  label: string;
  values: number[];
}

interface BarChartProps {
  /** Names the chart for screen readers and captions its table. */
  title: string;
  labels: string[];
  series: BarSeries[];
  /** The table is on screen (a report) or only for screen readers (the chart says it already). */
  table?: 'visible' | 'hidden';
  horizontal?: boolean;
}

/** A bar chart with the same figures as a table: the canvas is an image, the table is the data. */
export function BarChart({ title, labels, series, table = 'hidden', horizontal = false }: BarChartProps) {
  const { t } = useTranslation('dashboard');
  const { number } = useFormat();
  if (labels.length === 0) return <p className="loading">{t('charts.empty')}</p>;
  const height = horizontal ? Math.max(160, labels.length * 28 * series.length + 60) : 280;
  return (
    <figure className="bar-chart" style={{ margin: 0 }}>
      <div style={{ position: 'relative', height }}>
        <Bar
          role="img"
          aria-label={t('charts.chartLabel', { title })}
          data={{
            labels,
            datasets: series.map((one, index) => ({
              label: one.label,
              data: one.values,
              backgroundColor: SERIES_COLOURS[index % SERIES_COLOURS.length],
            })),
          }}
          options={{
            indexAxis: horizontal ? 'y' : 'x',
            responsive: true,
            maintainAspectRatio: false,
            animation: false,
            plugins: { legend: { display: series.length > 1 } },
            scales: { [horizontal ? 'x' : 'y']: { beginAtZero: true, ticks: { precision: 0 } } },
          }}
        />
      </div>
      <table
        className={table === 'hidden' ? 'visually-hidden' : undefined}
        style={table === 'hidden' ? undefined : { marginTop: '0.75rem' }}
      >
        <caption style={table === 'hidden' ? undefined : { textAlign: 'left', fontWeight: 600 }}>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{t('charts.name')}</th>
            {series.map((one) => (
              <th scope="col" key={one.label}>
                {one.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {labels.map((label, row) => (
            <tr key={`${label}-${row}`}>
              <th scope="row">{label}</th>
              {series.map((one) => (
                <td key={one.label}>{number(one.values[row] ?? 0)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
