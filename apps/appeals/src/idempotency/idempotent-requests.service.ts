import { ConflictException, Injectable, OnApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { assertIdempotencyKeyFormat, requestHash as hashOf } from './idempotency-key';

const KEEP_KEYS_HOURS = 48;

type Work<T> = (manager: EntityManager) => Promise<T>;

/**
 * Idempotency-Key support: the first request with a key does the work and stores its answer in
 * the same transaction; every retry (also one racing the first) gets that answer back.
 * A racing retry's INSERT waits on the first one's uncommitted key row, then finds it taken.
 */
@Injectable()
export class IdempotentRequests implements OnApplicationBootstrap, OnApplicationShutdown {
  private sweeper?: NodeJS.Timeout;

  constructor(private readonly dataSource: DataSource) {}

  async run<T>(scope: string, key: string | undefined, request: unknown, work: Work<T>): Promise<T> {
    if (key === undefined) return this.dataSource.transaction(work);
    assertIdempotencyKeyFormat(key);
    const requestHash = hashOf(request);
    const first = await this.dataSource.transaction(async (manager) => {
      const claimed: unknown[] = await manager.query(
        `INSERT INTO idempotency_keys (scope, key, request_hash) VALUES ($1, $2, $3)
         ON CONFLICT DO NOTHING RETURNING key`,
        [scope, key, requestHash],
      );
      if (claimed.length === 0) return undefined;
      const result = await work(manager);
      await manager.query('UPDATE idempotency_keys SET response_body = $3 WHERE scope = $1 AND key = $2', [
        scope,
        key,
        JSON.stringify(result),
      ]);
      return { result };
    });
    return first ? first.result : this.replay<T>(scope, key, requestHash);
  }

  onApplicationBootstrap(): void {
    this.sweeper = setInterval(() => void this.forgetOldKeys(), 60 * 60 * 1000).unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.sweeper);
  }

  private async replay<T>(scope: string, key: string, requestHash: string): Promise<T> {
    const [row] = await this.dataSource.query<{ request_hash: string; response_body: T }[]>(
      'SELECT request_hash, response_body FROM idempotency_keys WHERE scope = $1 AND key = $2',
      [scope, key],
    );
    if (row.request_hash !== requestHash) {
      throw new ConflictException('this Idempotency-Key was already used for a different request');
    }
    return row.response_body;
  }

  private async forgetOldKeys(): Promise<void> {
    await this.dataSource
      .query(`DELETE FROM idempotency_keys WHERE created_at < now() - make_interval(hours => $1)`, [KEEP_KEYS_HOURS])
      .catch(() => undefined);
  }
}
