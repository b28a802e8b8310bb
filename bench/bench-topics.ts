import { Redis } from 'ioredis';
import type { Kafka } from 'kafkajs';
import { deleteKeysUnder } from '@akimat/testing';

/** Deletes what a bench run created under its own KAFKA_TOPIC_PREFIX: its topics and its services' queue keys. */
export async function deleteBenchTopics(kafka: Kafka, queueServices: readonly string[] = []): Promise<void> {
  const prefix = process.env['KAFKA_TOPIC_PREFIX'] ?? '';
  if (!prefix) return; // never the real topics
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.deleteTopics({ topics: (await admin.listTopics()).filter((topic) => topic.startsWith(prefix)) });
  } finally {
    await admin.disconnect();
  }
  if (queueServices.length === 0) return;
  const redis = new Redis(process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379');
  try {
    // The queue prefix startServiceForTest gives a service (see libs/testing in-process-service).
    for (const service of queueServices) await deleteKeysUnder(redis, `test-${prefix}${service}`);
  } finally {
    redis.disconnect();
  }
}
