import type { AnnualReport, AppealMeasures } from './dashboard-api';

export type CsvField = string | number | null | undefined;

/** Excel reads a UTF-8 file as UTF-8 (Cyrillic, Kazakh letters) only when it starts with this mark. */
export const BOM = '\uFEFF';

const NEEDS_QUOTES = /[",;\r\n]|^\s|\s$/;
// A cell beginning like a formula would run as one when the file is opened (CSV injection).
const FORMULA_START = /^[=+\-@\t\r]/;

/** One field: numbers as they are, text quoted when it holds a separator, quote or line break. */
export function csvField(value: CsvField): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 CSV (CRLF line ends) with the BOM in front. */
export function toCsv(rows: CsvField[][]): string {
  return BOM + rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

export const MEASURE_KEYS = [
  'registered',
  'routed',
  'reassigned',
  'brief_on_time',
  'brief_late',
  'brief_on_time_rate',
  'full_on_time',
  'full_late',
  'full_on_time_rate',
  'deadlines_missed',
  'overdue_now',
  'hours_to_brief_median',
  'hours_to_full_median',
  'satisfaction_average',
] as const;
export type MeasureKey = (typeof MEASURE_KEYS)[number];

const rate = (onTime: number, late: number) =>
  onTime + late === 0 ? null : Math.round((onTime / (onTime + late)) * 1000) / 1000;

export function measureValues(m: AppealMeasures): Record<MeasureKey, number | null> {
  return {
    registered: m.registered,
    routed: m.routed,
    reassigned: m.reassigned,
    brief_on_time: m.briefAnswers.onTime,
    brief_late: m.briefAnswers.late,
    brief_on_time_rate: rate(m.briefAnswers.onTime, m.briefAnswers.late),
    full_on_time: m.fullAnswers.onTime,
    full_late: m.fullAnswers.late,
    full_on_time_rate: rate(m.fullAnswers.onTime, m.fullAnswers.late),
    deadlines_missed: m.deadlinesMissed,
    overdue_now: m.overdueNow,
    hours_to_brief_median: m.hoursToBriefAnswer.median,
    hours_to_full_median: m.hoursToFullAnswer.median,
    satisfaction_average: m.satisfaction.average,
  };
}

export type ReportSection = 'appeals' | 'by_unit' | 'by_category' | 'services';

/** The words of the file, in the reader's language. */
export interface ReportCsvLabels {
  header: [section: string, item: string, measure: string, value: string];
  section: (section: ReportSection) => string;
  total: string;
  measure: (key: MeasureKey) => string;
  unitName: (code: string) => string;
  categoryName: (code: string) => string;
  sectorName: (sector: string) => string;
  serviceName: (service: string) => string;
}

/** The annual report, one figure per line (section, item, measure, value), so a spreadsheet can pivot it. */
export function annualReportCsv(report: AnnualReport, labels: ReportCsvLabels): string {
  const rows: CsvField[][] = [labels.header];
  const measures = (section: ReportSection, item: string, m: AppealMeasures) => {
    const values = measureValues(m);
    for (const key of MEASURE_KEYS) rows.push([labels.section(section), item, labels.measure(key), values[key]]);
  };
  measures('appeals', labels.total, report.appeals);
  for (const row of report.appealsByUnit) measures('by_unit', labels.unitName(row.key), row);
  for (const row of report.appealsByCategory) measures('by_category', labels.categoryName(row.key), row);
  for (const sector of report.services.bySector) {
    for (const [service, n] of Object.entries(sector.services)) {
      rows.push([labels.section('services'), labels.sectorName(sector.sector), labels.serviceName(service), n]);
    }
    rows.push([labels.section('services'), labels.sectorName(sector.sector), labels.total, sector.total]);
  }
  rows.push([labels.section('services'), labels.total, labels.total, report.services.total]);
  return toCsv(rows);
}

export const reportFileName = (year: number) => `akimat-report-${year}.csv`;

/** Hands the file to the browser as a download (no round trip: the figures are already here). */
export function downloadCsv(csv: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Some browsers read the URL after click() returns; let go of it a moment later.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
