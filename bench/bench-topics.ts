import type { Kafka } from 'kafkajs';

/** Deletes the topics a bench run created under its own KAFKA_TOPIC_PREFIX. */
export async function deleteBenchTopics(kafka: Kafka): Promise<void> {
  const prefix = process.env['KAFKA_TOPIC_PREFIX'] ?? '';
  if (!prefix) return; // never the real topics
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.deleteTopics({ topics: (await admin.listTopics()).filter((topic) => topic.startsWith(prefix)) });
  } finally {
    await admin.disconnect();
  }
}
