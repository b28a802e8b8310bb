import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { KnownEnvelope } from '@akimat/contracts';
import { groupFacts } from './fact-groups';

export type Statement = [sql: string, params: unknown[]];
type Query = (sql: string, params: unknown[]) => Promise<unknown>;

/**
 * Every statement takes arrays (a whole Kafka batch, live and during a rebuild) and merges
 * order-free: COALESCE for what is set once, the newest (or first) instant wins for what changes,
 * GREATEST/LEAST for instants. So events arriving in any order across the two topics, one by one or
 * folded in a batch, converge on the same rows. Append-only facts are keyed by event or visit id.
 */
export function factStatements(events: KnownEnvelope[]): Statement[] {
  const g = groupFacts(events);
  const statements: Statement[] = [];
  const add = (rows: unknown[][], sql: string) => {
    if (rows.length > 0) statements.push([sql, columns(rows)]);
  };
  add(
    g.registered,
    `INSERT INTO appeal_facts AS f (appeal_id, category, registered_at, channel, locality, reception_session_id,
       received_by, answer_required)
     SELECT DISTINCT ON (appeal_id) * FROM unnest($1::uuid[], $2::text[], $3::timestamptz[], $4::text[], $5::text[],
       $6::uuid[], $7::text[], $8::boolean[]) AS t(appeal_id, category, registered_at, channel, locality,
       reception_session_id, received_by, answer_required) ORDER BY appeal_id
     ON CONFLICT (appeal_id) DO UPDATE SET category = EXCLUDED.category, registered_at = EXCLUDED.registered_at,
       channel = EXCLUDED.channel, locality = EXCLUDED.locality, reception_session_id = EXCLUDED.reception_session_id,
       received_by = EXCLUDED.received_by, answer_required = EXCLUDED.answer_required`,
  );
  add(
    g.unitChanges,
    `INSERT INTO appeal_facts AS f (appeal_id, category, unit_code, unit_at, routed_at, brief_due_at, full_due_at)
     SELECT DISTINCT ON (appeal_id) appeal_id, category, unit_code, unit_at, min(routed_at) OVER (PARTITION BY appeal_id),
       brief_due_at, full_due_at
     FROM unnest($1::uuid[], $2::text[], $3::text[], $4::timestamptz[], $5::timestamptz[], $6::timestamptz[],
       $7::timestamptz[]) AS t(appeal_id, category, unit_code, unit_at, routed_at, brief_due_at, full_due_at)
     ORDER BY appeal_id, unit_at DESC
     ON CONFLICT (appeal_id) DO UPDATE SET category = COALESCE(f.category, EXCLUDED.category),
       unit_code = CASE WHEN f.unit_at IS NULL OR EXCLUDED.unit_at > f.unit_at THEN EXCLUDED.unit_code ELSE f.unit_code END,
       brief_due_at = CASE WHEN f.unit_at IS NULL OR EXCLUDED.unit_at > f.unit_at THEN EXCLUDED.brief_due_at ELSE f.brief_due_at END,
       full_due_at = CASE WHEN f.unit_at IS NULL OR EXCLUDED.unit_at > f.unit_at THEN EXCLUDED.full_due_at ELSE f.full_due_at END,
       routed_at = LEAST(f.routed_at, EXCLUDED.routed_at),
       unit_at = GREATEST(f.unit_at, EXCLUDED.unit_at)`,
  );
  // Any other appeal event may come first: it creates the row with what it knows.
  add(
    g.touched,
    `INSERT INTO appeal_facts AS f (appeal_id, category, unit_code)
     SELECT DISTINCT ON (appeal_id) * FROM unnest($1::uuid[], $2::text[], $3::text[]) AS t(appeal_id, category, unit_code)
     ORDER BY appeal_id
     ON CONFLICT (appeal_id) DO UPDATE SET category = COALESCE(f.category, EXCLUDED.category),
       unit_code = COALESCE(f.unit_code, EXCLUDED.unit_code)`,
  );
  add(g.briefAnswers, answerUpdate('brief', 'ASC', '>'));
  add(g.fullAnswers, answerUpdate('full', 'DESC', '<'));
  add(
    g.feedback,
    // The resident's comment is free text: never stored.
    `UPDATE appeal_facts f SET rating = t.rating, rated_at = t.rated_at
     FROM (SELECT DISTINCT ON (appeal_id) * FROM unnest($1::uuid[], $2::smallint[], $3::timestamptz[])
       AS u(appeal_id, rating, rated_at) ORDER BY appeal_id, rated_at DESC) t
     WHERE f.appeal_id = t.appeal_id AND (f.rated_at IS NULL OR f.rated_at < t.rated_at)`,
  );
  // Kept apart from the routed due time, so that either order of extended and routed converges.
  add(g.extended, latestInstant('extended_due_at'));
  add(g.forwarded, latestInstant('forwarded_at'));
  add(g.reopened, latestInstant('reopened_at'));
  add(g.closed, latestInstant('closed_at'));
  add(
    g.reassignments,
    `INSERT INTO appeal_reassignments (event_id, appeal_id, from_unit_code, unit_code, reassigned_at)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::timestamptz[]) ON CONFLICT DO NOTHING`,
  );
  add(
    g.deadlineMisses,
    `INSERT INTO deadline_misses (event_id, appeal_id, kind, unit_code, due_at)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::timestamptz[]) ON CONFLICT DO NOTHING`,
  );
  add(
    g.visits,
    `INSERT INTO service_facts (visit_id, sector, service, rendered_at)
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::timestamptz[]) ON CONFLICT DO NOTHING`,
  );
  return statements;
}

/** The first brief answer counts; the newest full answer (after a reopening) counts. */
function answerUpdate(kind: 'brief' | 'full', order: 'ASC' | 'DESC', replaces: '>' | '<'): string {
  return `UPDATE appeal_facts f SET ${kind}_answered_at = t.answered_at, ${kind}_unit_code = t.unit_code,
      ${kind}_on_time = t.on_time, ${kind}_hours = t.hours${kind === 'full' ? ', outcome = t.outcome' : ''}
    FROM (SELECT DISTINCT ON (appeal_id) * FROM unnest($1::uuid[], $2::timestamptz[], $3::text[], $4::boolean[],
      $5::double precision[], $6::text[]) AS u(appeal_id, answered_at, unit_code, on_time, hours, outcome)
      ORDER BY appeal_id, answered_at ${order}) t
    WHERE f.appeal_id = t.appeal_id AND (f.${kind}_answered_at IS NULL OR f.${kind}_answered_at ${replaces} t.answered_at)`;
}

function latestInstant(column: 'extended_due_at' | 'forwarded_at' | 'reopened_at' | 'closed_at'): string {
  return `UPDATE appeal_facts f SET ${column} = GREATEST(f.${column}, t.at)
    FROM (SELECT appeal_id, max(at) AS at FROM unnest($1::uuid[], $2::timestamptz[]) AS u(appeal_id, at) GROUP BY 1) t
    WHERE f.appeal_id = t.appeal_id`;
}

/** Rows to column arrays, the shape unnest wants. */
function columns(rows: unknown[][]): unknown[][] {
  return rows[0].map((_, i) => rows.map((row) => row[i]));
}

export async function applyFacts(events: KnownEnvelope[], query: Query): Promise<void> {
  for (const [sql, params] of factStatements(events)) await query(sql, params);
}

/** Applies events' facts (a Kafka batch's new ones, or one) inside the transaction that records them as handled. */
@Injectable()
export class FactWriter {
  apply(events: KnownEnvelope[], manager: EntityManager): Promise<void> {
    return applyFacts(events, (sql, params) => manager.query(sql, params));
  }
}
