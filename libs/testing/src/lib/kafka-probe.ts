import { randomUUID } from 'node:crypto';
import { Consumer, IHeaders, Kafka, logLevel, Producer } from 'kafkajs';

export interface ProbedMessage {
  topic: string;
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
  json<T = Record<string, unknown>>(): T;
}

/** A test's own Kafka client: produces raw or enveloped events and records what others publish. */
export class KafkaProbe {
  readonly received: ProbedMessage[] = [];
  private readonly kafka: Kafka;
  private producer?: Producer;
  private consumer?: Consumer;

  constructor(brokers = (process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092').split(',')) {
    this.kafka = new Kafka({ clientId: `probe-${randomUUID()}`, brokers, logLevel: logLevel.NOTHING });
  }

  async produce(topic: string, value: unknown, key: string = randomUUID()): Promise<void> {
    await this.produceAll(topic, [{ value, key }]);
  }

  /** Several messages in one request, so a consumer usually fetches them as one batch. */
  async produceAll(topic: string, messages: { value: unknown; key: string }[]): Promise<void> {
    if (!this.producer) {
      this.producer = this.kafka.producer({ allowAutoTopicCreation: false });
      await this.producer.connect();
    }
    const raw = (value: unknown) =>
      typeof value === 'string' || Buffer.isBuffer(value) ? value : JSON.stringify(value);
    await this.producer.send({
      topic,
      acks: -1,
      messages: messages.map(({ value, key }) => ({ key, value: raw(value) })),
    });
  }

  /** Offsets of each partition of the topic: `high` is one past the last message. */
  async topicOffsets(topic: string): Promise<{ partition: number; low: string; high: string }[]> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      return (await admin.fetchTopicOffsets(topic)).map(({ partition, low, high }) => ({ partition, low, high }));
    } finally {
      await admin.disconnect();
    }
  }

  /** Starts recording every message of the topics, from their beginning. */
  async record(topics: string[]): Promise<void> {
    this.consumer = this.kafka.consumer({ groupId: `probe-${randomUUID()}` });
    await this.consumer.connect();
    await this.consumer.subscribe({ topics, fromBeginning: true });
    const joined = new Promise<void>((resolve) => this.consumer?.on(this.consumer.events.GROUP_JOIN, () => resolve()));
    await this.consumer.run({
      eachMessage: async ({ topic, message }) => {
        const value = message.value?.toString('utf8') ?? null;
        this.received.push({
          topic,
          key: message.key?.toString('utf8') ?? null,
          value,
          headers: stringHeaders(message.headers),
          json: <T>() => JSON.parse(value ?? 'null') as T,
        });
      },
    });
    await joined;
  }

  on(topic: string): ProbedMessage[] {
    return this.received.filter((message) => message.topic === topic);
  }

  /** Resolves once the group has committed every message the topics hold right now. */
  async waitUntilConsumed(groupId: string, topics: string[], timeoutMs = 30_000): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const deadline = Date.now() + timeoutMs;
      const ends = await Promise.all(
        topics.map(async (topic) => ({ topic, partitions: await admin.fetchTopicOffsets(topic) })),
      );
      for (;;) {
        const committed = await admin.fetchOffsets({ groupId, topics });
        const behind = ends.some(({ topic, partitions }) =>
          partitions.some(({ partition, low, high }) => {
            const done = committed.find((c) => c.topic === topic)?.partitions.find((p) => p.partition === partition);
            // -1 means nothing committed, which is only right for a partition with nothing in it.
            return Number(high) > Number(low) && Number(done?.offset ?? -1) < Number(high);
          }),
        );
        if (!behind) return;
        if (Date.now() > deadline) throw new Error(`group ${groupId} did not catch up on ${topics.join(', ')}`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    } finally {
      await admin.disconnect();
    }
  }

  /** Per partition of the topic that holds messages: its end offset and the group's committed offset (-1: none). */
  async groupProgress(groupId: string, topic: string): Promise<Map<number, { end: number; committed: number }>> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const [{ partitions: committed }] = await admin.fetchOffsets({ groupId, topics: [topic] });
      const progress = new Map<number, { end: number; committed: number }>();
      for (const { partition, high } of await admin.fetchTopicOffsets(topic)) {
        if (Number(high) === 0) continue;
        const done = committed.find((entry) => entry.partition === partition)?.offset ?? '-1';
        progress.set(partition, { end: Number(high), committed: Number(done) });
      }
      return progress;
    } finally {
      await admin.disconnect();
    }
  }

  async close(): Promise<void> {
    await this.consumer?.disconnect();
    await this.producer?.disconnect();
  }
}

function stringHeaders(headers: IHeaders | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(headers ?? {}).map(([name, value]) => [name, String(value)]));
}
