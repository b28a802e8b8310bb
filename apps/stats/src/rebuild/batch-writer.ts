import { PoolClient } from 'pg';
import { KnownEnvelope } from '@akimat/contracts';
import { applyFacts } from '../facts/fact-writer';

/**
 * The rebuild's fast path: one transaction per Kafka batch into the given schema. Event ids are
 * recorded with one statement, and only the ones not seen before are applied; walk-in visits, the
 * bulk of the history, are inserted with one statement too. Same SQL as live for everything else.
 */
export async function applyBatch(client: PoolClient, schema: string, events: KnownEnvelope[]): Promise<number> {
  if (events.length === 0) return 0;
  await client.query('BEGIN');
  try {
    await client.query(`SET LOCAL search_path TO "${schema}"`);
    const { rows } = await client.query<{ event_id: string }>(
      `INSERT INTO processed_events (event_id, type) SELECT * FROM unnest($1::uuid[], $2::text[])
       ON CONFLICT DO NOTHING RETURNING event_id`,
      [events.map((e) => e.id), events.map((e) => e.type)],
    );
    const fresh = new Set(rows.map((row) => row.event_id));
    const todo = events.filter((event) => fresh.delete(event.id));
    const visits = todo.flatMap((e) => (e.type === 'service.rendered' ? [e.data] : []));
    if (visits.length > 0) {
      await client.query(
        `INSERT INTO service_facts (visit_id, sector, service, rendered_at)
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::timestamptz[]) ON CONFLICT DO NOTHING`,
        [
          visits.map((v) => v.visitId),
          visits.map((v) => v.sector),
          visits.map((v) => v.service),
          visits.map((v) => v.renderedAt),
        ],
      );
    }
    for (const event of todo) {
      if (event.type !== 'service.rendered') await applyFacts(event, (sql, params) => client.query(sql, params));
    }
    await client.query('COMMIT');
    return todo.length;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}
