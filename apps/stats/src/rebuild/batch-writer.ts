import { PoolClient } from 'pg';
import { KnownEnvelope } from '@akimat/contracts';
import { recordHandled } from '@akimat/service-kit';
import { applyFacts } from '../facts/fact-writer';

/**
 * The rebuild's writer: one transaction per Kafka batch into the given schema. Event ids are
 * recorded with one statement, and only the ones not seen before are applied, with the same
 * statements as live.
 */
export async function applyBatch(client: PoolClient, schema: string, events: KnownEnvelope[]): Promise<number> {
  if (events.length === 0) return 0;
  const query = async (sql: string, params: unknown[]) => (await client.query(sql, params)).rows;
  await client.query('BEGIN');
  try {
    await client.query(`SET LOCAL search_path TO "${schema}"`);
    const todo = await recordHandled(query, events);
    await applyFacts(todo, query);
    await client.query('COMMIT');
    return todo.length;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}
