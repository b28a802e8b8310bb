import { randomUUID } from 'node:crypto';
import { Admin, Kafka, logLevel } from 'kafkajs';
import { Pool } from 'pg';
import { KnownEnvelope, parseEnvelope, physicalTopic, TOPICS } from '@akimat/contracts';
import { factTablesDdl } from '../database/migrations/1764000004100-create-facts';
import { applyBatch } from './batch-writer';

export const SHADOW_SCHEMA = 'stats_rebuild';
const RETIRED_SCHEMA = 'stats_retired';
const SWAPPED_TABLES = ['processed_events', 'appeal_facts', 'appeal_reassignments', 'deadline_misses', 'service_facts'];

export interface RebuildOptions {
  databaseUrl: string;
  brokers: string[];
  topicPrefix: string;
  progress?: (line: string) => void;
}

export interface RebuildResult {
  events: number;
  applied: number;
  seconds: number;
}

type Positions = Map<string, number>;

/**
 * Replays both topics from the beginning into empty shadow tables, then swaps them in. The live
 * consumer keeps writing to the live tables (and the API keeps reading them) until the swap: its
 * inserts into processed_events are held by a lock for the last catch-up, and the swap then gives
 * it tables that already hold every event it handled, so its later deliveries are duplicates.
 */
export async function rebuildStats(options: RebuildOptions): Promise<RebuildResult> {
  const started = Date.now();
  const progress = options.progress ?? (() => undefined);
  const pool = new Pool({ connectionString: options.databaseUrl, max: 2 });
  const kafka = new Kafka({ clientId: 'stats-rebuild', brokers: options.brokers, logLevel: logLevel.NOTHING });
  const topics = Object.values(TOPICS).map((topic) => physicalTopic(topic, options.topicPrefix));
  const groupId = `${options.topicPrefix}stats-rebuild-${randomUUID()}`;
  const admin = kafka.admin();
  // Large fetches and a short wait: a replay reads history, it does not wait for new messages.
  const consumer = kafka.consumer({
    groupId,
    maxBytes: 50 * 1024 * 1024,
    maxBytesPerPartition: 10 * 1024 * 1024,
    maxWaitTimeInMs: 100,
  });
  const done: Positions = new Map();
  let events = 0;
  let applied = 0;
  let failure: Error | undefined;
  const failed = () => failure;
  try {
    await admin.connect();
    await createShadow(pool);
    const target = await highWatermarks(admin, topics);
    progress(`replaying ${total(target)} messages of ${topics.join(', ')} into ${SHADOW_SCHEMA}`);
    const writer = await pool.connect();
    await consumer.connect();
    await consumer.subscribe({ topics, fromBeginning: true });
    await consumer.run({
      eachBatchAutoResolve: false,
      eachBatch: async ({ batch, resolveOffset, heartbeat }) => {
        const parsed = batch.messages.flatMap((message) => {
          const result = parseEnvelope(JSON.parse(message.value?.toString('utf8') ?? 'null'));
          return result.ok ? [result.event as KnownEnvelope] : [];
        });
        try {
          applied += await applyBatch(writer, SHADOW_SCHEMA, parsed);
        } catch (error) {
          failure = error as Error;
          throw error;
        }
        events += batch.messages.length;
        resolveOffset(batch.lastOffset());
        done.set(`${batch.topic}:${batch.partition}`, Number(batch.lastOffset()) + 1);
        await heartbeat();
      },
    });
    const ticker = setInterval(() => progress(`${events} / ${total(target)} messages, ${applied} applied`), 1000);
    try {
      await reach(done, target, failed);
      const swapper = await pool.connect();
      try {
        await swapper.query('BEGIN');
        // Live handlers start with an insert into processed_events: this holds them (reads go on).
        await swapper.query('LOCK TABLE public.processed_events IN ACCESS EXCLUSIVE MODE');
        await reach(done, await highWatermarks(admin, topics), failed);
        await swapper.query(`DROP SCHEMA IF EXISTS ${RETIRED_SCHEMA} CASCADE; CREATE SCHEMA ${RETIRED_SCHEMA}`);
        for (const table of SWAPPED_TABLES) {
          await swapper.query(`ALTER TABLE public.${table} SET SCHEMA ${RETIRED_SCHEMA}`);
          await swapper.query(`ALTER TABLE ${SHADOW_SCHEMA}.${table} SET SCHEMA public`);
        }
        await swapper.query(`DROP SCHEMA ${RETIRED_SCHEMA} CASCADE; DROP SCHEMA ${SHADOW_SCHEMA} CASCADE`);
        await swapper.query('COMMIT');
      } catch (error) {
        await swapper.query('ROLLBACK');
        throw error;
      } finally {
        swapper.release();
      }
    } finally {
      clearInterval(ticker);
      await consumer.disconnect();
      writer.release();
    }
    await admin.deleteGroups([groupId]).catch(() => undefined);
    const seconds = (Date.now() - started) / 1000;
    progress(`done: ${events} messages, ${applied} applied, in ${seconds.toFixed(1)} s; live tables swapped`);
    return { events, applied, seconds };
  } finally {
    await consumer.disconnect().catch(() => undefined);
    await admin.disconnect();
    await pool.end();
  }
}

async function createShadow(pool: Pool): Promise<void> {
  await pool.query(`DROP SCHEMA IF EXISTS ${SHADOW_SCHEMA} CASCADE`);
  await pool.query(`CREATE SCHEMA ${SHADOW_SCHEMA}`);
  await pool.query(`CREATE TABLE ${SHADOW_SCHEMA}.processed_events (LIKE public.processed_events INCLUDING ALL)`);
  for (const sql of factTablesDdl(SHADOW_SCHEMA)) await pool.query(sql);
}

async function highWatermarks(admin: Admin, topics: string[]): Promise<Positions> {
  const positions: Positions = new Map();
  for (const topic of topics) {
    for (const { partition, high } of await admin.fetchTopicOffsets(topic))
      positions.set(`${topic}:${partition}`, Number(high));
  }
  return positions;
}

const total = (positions: Positions) => [...positions.values()].reduce((sum, n) => sum + n, 0);

/** Waits until the replay has passed every partition's target offset. */
async function reach(
  done: Positions,
  target: Positions,
  failed: () => Error | undefined,
  timeoutMs = 10 * 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const behind = () => [...target].some(([key, high]) => high > 0 && (done.get(key) ?? 0) < high);
  while (behind()) {
    const failure = failed();
    if (failure) throw new Error(`the replay failed: ${failure.message}`);
    if (Date.now() > deadline) throw new Error('the replay did not reach the end of the topics in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
