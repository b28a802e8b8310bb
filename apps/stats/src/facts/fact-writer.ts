import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { KnownEnvelope } from '@akimat/contracts';

type Query = (sql: string, params: unknown[]) => Promise<unknown>;

/**
 * Every statement is an upsert whose SET clause is order-free (COALESCE for what is set once,
 * "newest instant wins" for what changes), so events arriving in any order across the two topics
 * converge on the same row. Append-only facts are keyed by the event id or the visit id.
 */
const UPSERT = `INSERT INTO appeal_facts AS f (appeal_id, category, unit_code) VALUES ($1, $2, $3)
  ON CONFLICT (appeal_id) DO UPDATE SET category = COALESCE(f.category, EXCLUDED.category),
  unit_code = COALESCE(f.unit_code, EXCLUDED.unit_code)`;

/** The SQL each event type runs, as [statement, params]. Pure, so it is shared by the live and rebuild paths. */
export function factStatements(event: KnownEnvelope): [string, unknown[]][] {
  switch (event.type) {
    case 'appeal.registered': {
      const d = event.data;
      return [
        [
          `INSERT INTO appeal_facts AS f (appeal_id, category, registered_at, channel, locality, reception_session_id,
             received_by, answer_required) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
           ON CONFLICT (appeal_id) DO UPDATE SET category = EXCLUDED.category, registered_at = EXCLUDED.registered_at,
             channel = EXCLUDED.channel, locality = EXCLUDED.locality,
             reception_session_id = EXCLUDED.reception_session_id, received_by = EXCLUDED.received_by,
             answer_required = EXCLUDED.answer_required`,
          [
            d.appealId,
            d.category,
            d.registeredAt,
            d.channel,
            d.locality ?? null,
            d.receptionSessionId ?? null,
            d.receivedBy?.name ?? null,
            d.answerRequired ?? true,
          ],
        ],
      ];
    }
    case 'appeal.routed':
    case 'appeal.reassigned': {
      const d = event.data;
      const at = 'routedAt' in d ? d.routedAt : d.reassignedAt;
      const due = (kind: string) => d.deadlines.find((deadline) => deadline.kind === kind)?.dueAt ?? null;
      const statements: [string, unknown[]][] = [
        [
          `INSERT INTO appeal_facts AS f (appeal_id, category, unit_code, unit_at, routed_at, brief_due_at, full_due_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7)
           ON CONFLICT (appeal_id) DO UPDATE SET category = COALESCE(f.category, EXCLUDED.category),
             unit_code = CASE WHEN f.unit_at IS NULL OR EXCLUDED.unit_at > f.unit_at THEN EXCLUDED.unit_code ELSE f.unit_code END,
             brief_due_at = CASE WHEN f.unit_at IS NULL OR EXCLUDED.unit_at > f.unit_at THEN EXCLUDED.brief_due_at ELSE f.brief_due_at END,
             full_due_at = CASE WHEN f.unit_at IS NULL OR EXCLUDED.unit_at > f.unit_at THEN EXCLUDED.full_due_at ELSE f.full_due_at END,
             routed_at = LEAST(f.routed_at, EXCLUDED.routed_at),
             unit_at = GREATEST(f.unit_at, EXCLUDED.unit_at)`,
          [
            d.appealId,
            d.category,
            d.unit.code,
            at,
            event.type === 'appeal.routed' ? at : null,
            due('brief_answer'),
            due('full_answer'),
          ],
        ],
      ];
      if (event.type === 'appeal.reassigned') {
        statements.push([
          `INSERT INTO appeal_reassignments (event_id, appeal_id, from_unit_code, unit_code, reassigned_at)
           VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
          [event.id, d.appealId, event.data.fromUnit.code, d.unit.code, at],
        ]);
      }
      return statements;
    }
    case 'appeal.brief_answered': {
      const d = event.data;
      return [
        [UPSERT, [d.appealId, d.category, d.unitCode ?? null]],
        [
          `UPDATE appeal_facts SET brief_answered_at = $2, brief_unit_code = $3, brief_on_time = $4, brief_hours = $5
           WHERE appeal_id = $1 AND (brief_answered_at IS NULL OR brief_answered_at > $2)`,
          [d.appealId, d.answeredAt, d.unitCode ?? null, d.onTime ?? null, d.hoursFromRegistration],
        ],
      ];
    }
    case 'appeal.full_answered': {
      const d = event.data;
      return [
        [UPSERT, [d.appealId, d.category, d.unitCode ?? null]],
        [
          `UPDATE appeal_facts SET full_answered_at = $2, full_unit_code = $3, full_on_time = $4, full_hours = $5,
             outcome = $6 WHERE appeal_id = $1 AND (full_answered_at IS NULL OR full_answered_at < $2)`,
          [d.appealId, d.answeredAt, d.unitCode ?? null, d.onTime ?? null, d.hoursFromRegistration, d.outcome],
        ],
      ];
    }
    case 'appeal.extended':
      return [
        [UPSERT, [event.data.appealId, event.data.category, event.data.unitCode ?? null]],
        [
          // Kept apart from the routed due time so that either order of extended and routed converges.
          'UPDATE appeal_facts SET extended_due_at = GREATEST(extended_due_at, $2) WHERE appeal_id = $1',
          [event.data.appealId, event.data.newDueAt],
        ],
      ];
    case 'appeal.forwarded':
      return latest(event.data, 'forwarded_at', event.data.forwardedAt);
    case 'appeal.reopened':
      return latest(event.data, 'reopened_at', event.data.reopenedAt);
    case 'appeal.closed':
      return latest(event.data, 'closed_at', event.data.closedAt);
    case 'appeal.feedback_given':
      // The comment is free text a resident wrote: never stored.
      return [
        [UPSERT, [event.data.appealId, event.data.category, event.data.unitCode ?? null]],
        [
          'UPDATE appeal_facts SET rating = $2, rated_at = $3 WHERE appeal_id = $1 AND (rated_at IS NULL OR rated_at < $3)',
          [event.data.appealId, event.data.rating, event.data.givenAt],
        ],
      ];
    case 'appeal.deadline_missed':
      return [
        [UPSERT, [event.data.appealId, event.data.category, event.data.unit.code]],
        [
          `INSERT INTO deadline_misses (event_id, appeal_id, kind, unit_code, due_at) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT DO NOTHING`,
          [event.id, event.data.appealId, event.data.deadline, event.data.unit.code, event.data.dueAt],
        ],
      ];
    case 'service.rendered':
      return [
        [
          'INSERT INTO service_facts (visit_id, sector, service, rendered_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING',
          [event.data.visitId, event.data.sector, event.data.service, event.data.renderedAt],
        ],
      ];
    default:
      // deadline_approaching and directory.unit_changed move no figure; they are still recorded as handled.
      return [];
  }
}

function latest(
  data: { appealId: string; category: string; unitCode?: string },
  column: 'forwarded_at' | 'reopened_at' | 'closed_at',
  at: string,
): [string, unknown[]][] {
  return [
    [UPSERT, [data.appealId, data.category, data.unitCode ?? null]],
    [`UPDATE appeal_facts SET ${column} = GREATEST(${column}, $2) WHERE appeal_id = $1`, [data.appealId, at]],
  ];
}

export async function applyFacts(event: KnownEnvelope, query: Query): Promise<void> {
  for (const [sql, params] of factStatements(event)) await query(sql, params);
}

/** Applies one event's facts inside the transaction that records the event as handled. */
@Injectable()
export class FactWriter {
  apply(event: KnownEnvelope, manager: EntityManager): Promise<void> {
    return applyFacts(event, (sql, params) => manager.query(sql, params));
  }
}
