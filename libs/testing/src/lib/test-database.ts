import { Client } from 'pg';

const PG_BASE_URL = process.env['TEST_PG_BASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432';

/** The URL of a service's test database (created by `scripts/infra.sh up`). */
/** TEST_DATABASE_SUFFIX lets two checkouts run their suites side by side on one PostgreSQL. */
export function testDatabaseUrl(service: string): string {
  return `${PG_BASE_URL}/akimat_${service}_test${process.env['TEST_DATABASE_SUFFIX'] ?? ''}`;
}

/** Empties a test database so migrations run from scratch. */
export async function resetDatabase(url: string): Promise<void> {
  await withClient(url, (client) => client.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public;'));
}

export async function queryRows<T = Record<string, unknown>>(
  url: string,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  return withClient(url, async (client) => (await client.query(sql, params)).rows as T[]);
}

/**
 * Which of these events a service recorded as handled, and by which transaction (`xmin`): events
 * applied together share one.
 */
export function processedEvents(url: string, events: { id: string }[]) {
  return queryRows<{ event_id: string; xmin: string }>(
    url,
    'SELECT event_id, xmin::text FROM processed_events WHERE event_id = ANY($1::uuid[])',
    [events.map((event) => event.id)],
  );
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
