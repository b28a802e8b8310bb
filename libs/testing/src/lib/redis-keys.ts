import { Redis } from 'ioredis';

/**
 * Unlinks every key under `prefix` (`<prefix>:*`), page by page: on a Redis others share, this is
 * what FLUSHALL does to one service's queues, and how tests and benchmarks clean up after themselves.
 */
export async function deleteKeysUnder(redis: Redis, prefix: string): Promise<number> {
  let deleted = 0;
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 5_000);
    if (keys.length > 0) deleted += await redis.unlink(...keys);
    cursor = next;
  } while (cursor !== '0');
  return deleted;
}
