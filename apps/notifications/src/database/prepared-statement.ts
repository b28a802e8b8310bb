import { DataSource, EntityManager, QueryRunner } from 'typeorm';

/** A fixed SQL text under a name unique in the service. */
export interface PreparedStatement {
  name: string;
  text: string;
}

interface PgClient {
  query<T>(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: T[] }>;
}

/**
 * Runs a statement as a named prepared statement on the manager's connection (the consumer's
 * transaction): PostgreSQL parses and plans it once per connection instead of on every call, which
 * on the hot paths cost more than the work itself. TypeORM's `query` cannot name a statement.
 */
export async function runPrepared<T>(
  manager: EntityManager,
  statement: PreparedStatement,
  values: unknown[],
): Promise<T[]> {
  if (!manager.queryRunner) return manager.query(statement.text, values);
  return execute<T>(manager.queryRunner, statement, values);
}

/** The same outside a transaction, on a pooled connection. */
export async function runPreparedOnPool<T>(
  dataSource: DataSource,
  statement: PreparedStatement,
  values: unknown[],
): Promise<T[]> {
  const runner = dataSource.createQueryRunner();
  try {
    return await execute<T>(runner, statement, values);
  } finally {
    await runner.release();
  }
}

async function execute<T>(runner: QueryRunner, statement: PreparedStatement, values: unknown[]): Promise<T[]> {
  const client = (await runner.connect()) as PgClient;
  return (await client.query<T>({ name: statement.name, text: statement.text, values })).rows;
}
