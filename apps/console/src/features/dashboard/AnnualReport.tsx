import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Loading } from '../../ui/Loading';
import { BarChart } from './BarChart';
import { AnnualReport as Report, fetchReport, REFRESH_MS } from './dashboard-api';
import { useFormat } from './format';
import { annualReportCsv, downloadCsv, MEASURE_KEYS, MeasureKey, measureValues, reportFileName } from './report-csv';
import type { Names } from './use-names';

const FIRST_YEAR = 2024;
const RATE_KEYS: MeasureKey[] = ['brief_on_time_rate', 'full_on_time_rate'];

/** The annual report: a year's appeals by unit as a chart, every figure as tables, and the CSV. */
export function AnnualReport({ names }: { names: Names }) {
  const { t } = useTranslation('dashboard');
  const format = useFormat();
  const yearId = useId();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const years = Array.from({ length: Math.max(1, thisYear - FIRST_YEAR + 1) }, (_, index) => thisYear - index);
  const report = useQuery({
    queryKey: ['dashboard', 'report', year],
    queryFn: ({ signal }) => fetchReport(year, signal),
    refetchInterval: REFRESH_MS,
  });

  const value = (key: MeasureKey, figure: number | null) =>
    RATE_KEYS.includes(key) ? format.percent(figure) : format.number(figure);

  const download = (data: Report) =>
    downloadCsv(
      annualReportCsv(data, {
        header: [t('csv.section'), t('csv.item'), t('csv.measure'), t('csv.value')],
        section: (section) => t(`csv.sections.${section}`),
        total: t('report.total'),
        measure: (key) => t(`measures.${key}`),
        unitName: names.unitName,
        categoryName: names.categoryName,
        sectorName: names.sectorName,
        serviceName: names.serviceName,
      }),
      reportFileName(data.year),
    );

  return (
    <section className="page" aria-labelledby="report-title">
      <h2 id="report-title">{t('report.title')}</h2>
      <div className="actions">
        <div className="field" style={{ marginBottom: 0 }}>
          <label htmlFor={yearId}>{t('report.year')}</label>
          <select id={yearId} value={year} onChange={(event) => setYear(Number(event.target.value))}>
            {years.map((option) => (
              <option key={option} value={option}>
                {option}
              </option>
            ))}
          </select>
        </div>
        <button type="button" disabled={!report.data} onClick={() => report.data && download(report.data)}>
          {t('report.download')}
        </button>
      </div>
      {report.isPending && <Loading />}
      <ErrorNotice error={report.error} />
      {report.data && (
        <>
          <h3>{t('report.byUnit')}</h3>
          <BarChart
            title={t('report.byUnitChart', { year: report.data.year })}
            horizontal
            table="visible"
            labels={report.data.appealsByUnit.map((row) => names.unitName(row.key))}
            series={[
              { label: t('measures.registered'), values: report.data.appealsByUnit.map((row) => row.registered) },
              {
                label: t('measures.full_on_time'),
                values: report.data.appealsByUnit.map((row) => row.fullAnswers.onTime),
              },
              { label: t('measures.full_late'), values: report.data.appealsByUnit.map((row) => row.fullAnswers.late) },
            ]}
          />

          <h3>{t('report.measuresTitle')}</h3>
          {/* A wide table scrolls on its own; focusable so keyboard users can scroll it too. */}
          <div
            style={{ overflowX: 'auto' }}
            tabIndex={0}
            role="region"
            aria-label={t('report.measuresCaption', { year: report.data.year })}
          >
            <table data-testid="report-measures">
              <caption style={{ textAlign: 'left', fontWeight: 600 }}>
                {t('report.measuresCaption', { year: report.data.year })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('report.item')}</th>
                  {MEASURE_KEYS.map((key) => (
                    <th scope="col" key={key}>
                      {t(`measures.${key}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {[
                  { key: 'total', name: t('report.total'), measures: report.data.appeals },
                  ...report.data.appealsByUnit.map((row) => ({
                    key: `unit-${row.key}`,
                    name: names.unitName(row.key),
                    measures: row,
                  })),
                  ...report.data.appealsByCategory.map((row) => ({
                    key: `category-${row.key}`,
                    name: `${t('report.category')}: ${names.categoryName(row.key)}`,
                    measures: row,
                  })),
                ].map((line) => {
                  const values = measureValues(line.measures);
                  return (
                    <tr key={line.key}>
                      <th scope="row">{line.name}</th>
                      {MEASURE_KEYS.map((key) => (
                        <td key={key}>{value(key, values[key])}</td>
                      ))}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>

          <h3>{t('report.services')}</h3>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('report.sector')}</th>
                <th scope="col">{t('report.service')}</th>
                <th scope="col">{t('report.count')}</th>
              </tr>
            </thead>
            <tbody>
              {report.data.services.bySector.flatMap((sector) => [
                ...Object.entries(sector.services).map(([service, n]) => (
                  <tr key={`${sector.sector}-${service}`}>
                    <td>{names.sectorName(sector.sector)}</td>
                    <td>{names.serviceName(service)}</td>
                    <td>{format.number(n)}</td>
                  </tr>
                )),
                <tr key={`${sector.sector}-total`}>
                  <th scope="row">{names.sectorName(sector.sector)}</th>
                  <th scope="row">{t('report.total')}</th>
                  <td>
                    <strong>{format.number(sector.total)}</strong>
                  </td>
                </tr>,
              ])}
              <tr>
                <th scope="row" colSpan={2}>
                  {t('report.servicesTotal')}
                </th>
                <td>
                  <strong>{format.number(report.data.services.total)}</strong>
                </td>
              </tr>
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
