import { AppealMeasures } from '../summary/appeal-measures';
import { BreakdownRow } from '../summary/stats-query.service';
import { WalkInServices } from '../summary/walk-in-services';
import { CsvField, toCsv } from './csv';

/** What the chief of staff reports for a year: walk-in services, appeals by unit and category, on time, satisfaction. */
export interface AnnualReport {
  year: number;
  from: string;
  to: string;
  services: WalkInServices;
  appeals: AppealMeasures;
  appealsByUnit: BreakdownRow[];
  appealsByCategory: BreakdownRow[];
}

const rate = (onTime: number, late: number) =>
  onTime + late === 0 ? null : Math.round((onTime / (onTime + late)) * 1000) / 1000;

/** One measure per line, so a spreadsheet can pivot it; rates are on-time / answered. */
export function flattenMeasures(m: AppealMeasures): [string, number | null][] {
  return [
    ['registered', m.registered],
    ['routed', m.routed],
    ['reassigned', m.reassigned],
    ['brief_on_time', m.briefAnswers.onTime],
    ['brief_late', m.briefAnswers.late],
    ['brief_on_time_rate', rate(m.briefAnswers.onTime, m.briefAnswers.late)],
    ['full_on_time', m.fullAnswers.onTime],
    ['full_late', m.fullAnswers.late],
    ['full_on_time_rate', rate(m.fullAnswers.onTime, m.fullAnswers.late)],
    ['deadlines_missed', m.deadlinesMissed],
    ['open_now', m.openNow],
    ['overdue_now', m.overdueNow],
    ['hours_to_brief_median', m.hoursToBriefAnswer.median],
    ['hours_to_brief_p90', m.hoursToBriefAnswer.p90],
    ['hours_to_full_median', m.hoursToFullAnswer.median],
    ['hours_to_full_p90', m.hoursToFullAnswer.p90],
    ['satisfaction_average', m.satisfaction.average],
    ...Object.entries(m.satisfaction.distribution).map(([r, n]): [string, number] => [`satisfaction_${r}`, n]),
  ];
}

/** The report as CSV rows: section, key, item, value. */
export function annualReportCsv(report: AnnualReport): string {
  const rows: CsvField[][] = [['section', 'key', 'item', 'value']];
  for (const sector of report.services.bySector) {
    for (const [service, n] of Object.entries(sector.services)) rows.push(['services', sector.sector, service, n]);
    rows.push(['services', sector.sector, 'total', sector.total]);
  }
  rows.push(['services', 'total', '', report.services.total]);
  for (const [item, value] of flattenMeasures(report.appeals)) rows.push(['appeals', 'total', item, value]);
  for (const [section, breakdown] of [
    ['appeals_by_unit', report.appealsByUnit],
    ['appeals_by_category', report.appealsByCategory],
  ] as const) {
    for (const row of breakdown)
      for (const [item, value] of flattenMeasures(row)) rows.push([section, row.key, item, value]);
  }
  return toCsv(rows);
}
