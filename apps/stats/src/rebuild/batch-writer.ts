import { PoolClient } from 'pg';
import { KnownEnvelope } from '@akimat/contracts';
import { applyFacts } from '../facts/fact-writer';

/**
 * The rebuild's fast path: one transaction per Kafka batch into the given schema. Event ids are
 * recorded with one statement, and only the ones not seen before are applied, with the same
 * statements as live, each once per batch instead of once per event.
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
    await applyFacts(todo, (sql, params) => client.query(sql, params));
    await client.query('COMMIT');
    return todo.length;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}
