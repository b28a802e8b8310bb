import { DIMENSION, METRIC, TOTAL_KEY } from '../counters/counter-increments';

export interface CounterRow {
  metric: string;
  dimension: string;
  key: string;
  /** bigint as the pg driver returns it. */
  value: string | number;
}

export interface StatsSummary {
  registered: number;
  routed: number;
  byCategory: Record<string, number>;
  byChannel: Record<string, number>;
  byUnit: Record<string, number>;
}

/** Folds counter rows into the summary; a counter never moved reads as 0 or is absent. */
export function toStatsSummary(rows: CounterRow[]): StatsSummary {
  const summary: StatsSummary = { registered: 0, routed: 0, byCategory: {}, byChannel: {}, byUnit: {} };
  const breakdowns: Record<string, Record<string, number>> = {
    [`${METRIC.registered}/${DIMENSION.category}`]: summary.byCategory,
    [`${METRIC.registered}/${DIMENSION.channel}`]: summary.byChannel,
    [`${METRIC.routed}/${DIMENSION.unit}`]: summary.byUnit,
  };
  for (const row of rows) {
    const value = Number(row.value);
    if (row.dimension === DIMENSION.all && row.key === TOTAL_KEY) {
      if (row.metric === METRIC.registered) summary.registered = value;
      if (row.metric === METRIC.routed) summary.routed = value;
      continue;
    }
    const breakdown = breakdowns[`${row.metric}/${row.dimension}`];
    if (breakdown) breakdown[row.key] = value;
  }
  return summary;
}
