import { Period, periodKeySql } from './periods';

/** A period filter: [from, to); $1 and $2 of every query, '-infinity'/'infinity' when open. */
export interface Range {
  from?: string;
  to?: string;
}

export const rangeParams = (range: Range) => [range.from ?? '-infinity', range.to ?? 'infinity'];

const inRange = (column: string) => `(${column} >= $1::timestamptz AND ${column} < $2::timestamptz)`;

const CLOSED_AT = 'GREATEST(f.full_answered_at, f.closed_at, f.forwarded_at)';
const OPEN = `(f.registered_at IS NOT NULL AND (${CLOSED_AT} IS NULL OR f.reopened_at > ${CLOSED_AT}))`;
const OVERDUE = `(${OPEN} AND ((f.brief_answered_at IS NULL AND f.brief_due_at < now())
  OR GREATEST(f.full_due_at, f.extended_due_at) < now()))`;

const hours = (column: 'brief' | 'full', fraction: number) =>
  `percentile_cont(${fraction}) WITHIN GROUP (ORDER BY f.${column}_hours) FILTER (WHERE ${inRange(`f.${column}_answered_at`)})`;

/**
 * Every appeal measure in one pass over appeal_facts. Each counts by its own instant (registered by
 * registration, answers by answer time, misses by due time); "open now" and "overdue now" are now.
 */
const MEASURES = `
  count(*) FILTER (WHERE ${inRange('f.registered_at')}) AS registered,
  count(*) FILTER (WHERE ${inRange('f.routed_at')}) AS routed,
  COALESCE(sum(r.n), 0) AS reassigned,
  count(*) FILTER (WHERE ${inRange('f.brief_answered_at')} AND f.brief_on_time) AS brief_on_time,
  count(*) FILTER (WHERE ${inRange('f.brief_answered_at')} AND NOT f.brief_on_time) AS brief_late,
  count(*) FILTER (WHERE ${inRange('f.full_answered_at')} AND f.full_on_time) AS full_on_time,
  count(*) FILTER (WHERE ${inRange('f.full_answered_at')} AND NOT f.full_on_time) AS full_late,
  COALESCE(sum(m.n), 0) AS deadlines_missed,
  count(*) FILTER (WHERE ${OPEN}) AS open_now,
  count(*) FILTER (WHERE ${OVERDUE}) AS overdue_now,
  ${hours('brief', 0.5)} AS brief_hours_median,
  ${hours('brief', 0.9)} AS brief_hours_p90,
  ${hours('full', 0.5)} AS full_hours_median,
  ${hours('full', 0.9)} AS full_hours_p90,
  avg(f.rating) FILTER (WHERE ${inRange('f.rated_at')}) AS rating_average,
  ${[1, 2, 3, 4, 5].map((r) => `count(*) FILTER (WHERE f.rating = ${r} AND ${inRange('f.rated_at')}) AS rating_${r}`).join(',\n  ')}
FROM appeal_facts f
LEFT JOIN (SELECT appeal_id, count(*) AS n FROM appeal_reassignments WHERE ${inRange('reassigned_at')}
  GROUP BY appeal_id) r ON r.appeal_id = f.appeal_id
LEFT JOIN (SELECT appeal_id, count(*) AS n FROM deadline_misses WHERE ${inRange('due_at')}
  GROUP BY appeal_id) m ON m.appeal_id = f.appeal_id`;

export const APPEAL_DIMENSIONS = ['unit', 'category', 'locality', 'channel', 'session', 'official'] as const;
export type AppealDimension = (typeof APPEAL_DIMENSIONS)[number];

const DIMENSION_SQL: Record<AppealDimension, string> = {
  unit: "COALESCE(f.unit_code, 'unrouted')",
  category: "COALESCE(f.category, 'unknown')",
  locality: "COALESCE(f.locality, 'unknown')",
  channel: "COALESCE(f.channel, 'unknown')",
  session: "COALESCE(f.reception_session_id::text, 'none')",
  official: "COALESCE(f.received_by, 'unknown')",
};

export function appealTotalsSql(): string {
  return `SELECT ${MEASURES}`;
}

/** Grouped by a dimension or by the Asia/Atyrau period the appeal was registered in. */
export function appealBreakdownSql(by: AppealDimension | Period): string {
  const key =
    by in DIMENSION_SQL ? DIMENSION_SQL[by as AppealDimension] : periodKeySql('f.registered_at', by as Period);
  return `SELECT ${key} AS key, ${MEASURES} GROUP BY 1 ORDER BY 1`;
}

export interface AppealMeasures {
  registered: number;
  routed: number;
  reassigned: number;
  briefAnswers: { onTime: number; late: number };
  fullAnswers: { onTime: number; late: number };
  deadlinesMissed: number;
  openNow: number;
  overdueNow: number;
  hoursToBriefAnswer: { median: number | null; p90: number | null };
  hoursToFullAnswer: { median: number | null; p90: number | null };
  satisfaction: { average: number | null; distribution: Record<'1' | '2' | '3' | '4' | '5', number> };
}

type Row = Record<string, string | number | null>;
const num = (value: string | number | null) => Number(value ?? 0);
const maybe = (value: string | number | null) => (value === null ? null : Math.round(Number(value) * 100) / 100);

/** Folds a row of the measures query (bigints and numerics arrive as strings) into numbers. */
export function toAppealMeasures(row: Row): AppealMeasures {
  return {
    registered: num(row['registered']),
    routed: num(row['routed']),
    reassigned: num(row['reassigned']),
    briefAnswers: { onTime: num(row['brief_on_time']), late: num(row['brief_late']) },
    fullAnswers: { onTime: num(row['full_on_time']), late: num(row['full_late']) },
    deadlinesMissed: num(row['deadlines_missed']),
    openNow: num(row['open_now']),
    overdueNow: num(row['overdue_now']),
    hoursToBriefAnswer: { median: maybe(row['brief_hours_median']), p90: maybe(row['brief_hours_p90']) },
    hoursToFullAnswer: { median: maybe(row['full_hours_median']), p90: maybe(row['full_hours_p90']) },
    satisfaction: {
      average: maybe(row['rating_average']),
      distribution: {
        '1': num(row['rating_1']),
        '2': num(row['rating_2']),
        '3': num(row['rating_3']),
        '4': num(row['rating_4']),
        '5': num(row['rating_5']),
      },
    },
  };
}
