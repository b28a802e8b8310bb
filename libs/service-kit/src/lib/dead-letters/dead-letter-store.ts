import { randomUUID } from 'node:crypto';
import type { Admin, Kafka, KafkaMessage } from 'kafkajs';
import { DeadLetter, deadLetterRef, originalTopicOf, readDeadLetter, REPLAYED_FROM_HEADER } from './dead-letter-format';

/** A mistake the operator can fix (unknown topic, offset out of range): shown without a stack. */
export class DeadLetterToolError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DeadLetterToolError';
  }
}

/**
 * Where replays are recorded: one compacted topic per dead-letter topic, keyed by the dead letter's
 * `<dlt topic>/<partition>/<offset>`. A replay writes its marker after the republished message is
 * acknowledged, so a crash in between can only republish again — which the idempotent consumers
 * absorb — and never lose a replay.
 */
export function replayMarkerTopic(dltTopic: string): string {
  return `${dltTopic}.replayed`;
}

export interface PartitionOffsets {
  partition: number;
  /** First offset still held. */
  low: string;
  /** One past the last offset. */
  high: string;
}

export interface ReplayMarker {
  ref: string;
  replayedAt: string;
  topic: string;
  partition: number;
  offset: string;
}

export interface ReplayOutcome {
  letter: DeadLetter;
  /** Where the original now sits again; absent in a dry run. */
  to?: { topic: string; partition: number; offset: string };
}

interface OffsetRange {
  partition: number;
  from: bigint;
  /** Exclusive. */
  to: bigint;
}

const READ_TIMEOUT_MS = 30_000;

/** Reads dead-letter topics, and republishes dead letters to the topics they came from. */
export class DeadLetterStore {
  private admin?: Admin;

  constructor(
    private readonly kafka: Kafka,
    private readonly readTimeoutMs = READ_TIMEOUT_MS,
  ) {}

  async existingTopics(topics: string[]): Promise<string[]> {
    const all = new Set(await (await this.connectedAdmin()).listTopics());
    return topics.filter((topic) => all.has(topic));
  }

  async offsets(topic: string): Promise<PartitionOffsets[]> {
    if ((await this.existingTopics([topic])).length === 0) {
      throw new DeadLetterToolError(`topic "${topic}" does not exist on the broker`);
    }
    const offsets = await (await this.connectedAdmin()).fetchTopicOffsets(topic);
    return offsets
      .map(({ partition, low, high }) => ({ partition, low, high }))
      .sort((a, b) => a.partition - b.partition);
  }

  /** The newest `limit` dead letters of the topic (by time parked), oldest first, and how many it holds. */
  async list(dltTopic: string, limit: number): Promise<{ total: number; letters: DeadLetter[] }> {
    const offsets = await this.offsets(dltTopic);
    const total = offsets.reduce((sum, { low, high }) => sum + Number(BigInt(high) - BigInt(low)), 0);
    const ranges = offsets.map(({ partition, low, high }) => ({
      partition,
      from: maxBigInt(BigInt(low), BigInt(high) - BigInt(limit)),
      to: BigInt(high),
    }));
    const letters = await this.readLetters(dltTopic, ranges);
    letters.sort(
      (a, b) => a.at.localeCompare(b.at) || a.partition - b.partition || Number(BigInt(a.offset) - BigInt(b.offset)),
    );
    return { total, letters: letters.slice(-limit) };
  }

  /** Every dead letter the topic holds, in partition and offset order. */
  async all(dltTopic: string): Promise<DeadLetter[]> {
    const offsets = await this.offsets(dltTopic);
    return this.readLetters(
      dltTopic,
      offsets.map(({ partition, low, high }) => ({ partition, from: BigInt(low), to: BigInt(high) })),
    );
  }

  /** The dead letter at one partition and offset; an operator error if there is none. */
  async one(dltTopic: string, partition: number, offset: string): Promise<DeadLetter> {
    const offsets = await this.offsets(dltTopic);
    const held = offsets.find((p) => p.partition === partition);
    if (!held) {
      throw new DeadLetterToolError(
        `"${dltTopic}" has no partition ${partition} (it has ${offsets.map((p) => p.partition).join(', ')})`,
      );
    }
    const at = BigInt(offset);
    if (at < BigInt(held.low) || at >= BigInt(held.high)) {
      const holds = BigInt(held.high) > BigInt(held.low) ? `offsets ${held.low}..${BigInt(held.high) - 1n}` : 'nothing';
      throw new DeadLetterToolError(
        `no dead letter at "${dltTopic}" partition ${partition} offset ${offset}: it holds ${holds}`,
      );
    }
    const [letter] = await this.readLetters(dltTopic, [{ partition, from: at, to: at + 1n }]);
    if (!letter)
      throw new DeadLetterToolError(`no dead letter at "${dltTopic}" partition ${partition} offset ${offset}`);
    return letter;
  }

  /** What was replayed from this dead-letter topic before, by dead-letter ref. */
  async replayMarkers(dltTopic: string): Promise<Map<string, ReplayMarker>> {
    const topic = replayMarkerTopic(dltTopic);
    const markers = new Map<string, ReplayMarker>();
    if ((await this.existingTopics([topic])).length === 0) return markers;
    const offsets = await (await this.connectedAdmin()).fetchTopicOffsets(topic);
    const messages = await this.read(
      topic,
      offsets.map(({ partition, low, high }) => ({ partition, from: BigInt(low), to: BigInt(high) })),
    );
    for (const { message } of messages) {
      const ref = message.key?.toString('utf8');
      if (!ref || !message.value) continue; // a tombstone, should anyone want to allow a replay again
      markers.set(ref, JSON.parse(message.value.toString('utf8')) as ReplayMarker);
    }
    return markers;
  }

  /**
   * Republishes each dead letter's original value, key and headers (minus the dead-letter ones)
   * to the topic it came from, one at a time and in the given order, and records a marker for each.
   */
  async replay(letters: DeadLetter[]): Promise<ReplayOutcome[]> {
    if (letters.length === 0) return [];
    const dltTopics = [...new Set(letters.map((letter) => letter.dltTopic))];
    const targets = dltTopics.map(originalTopicOf);
    const existing = new Set(await this.existingTopics(targets));
    const absent = targets.filter((topic) => !existing.has(topic));
    if (absent.length > 0) throw new DeadLetterToolError(`topic "${absent[0]}" does not exist on the broker`);
    await this.ensureMarkerTopics(dltTopics);

    const producer = this.kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
    await producer.connect();
    try {
      const outcomes: ReplayOutcome[] = [];
      for (const letter of letters) {
        const topic = originalTopicOf(letter.dltTopic);
        const original = letter.omitted ? await this.original(letter) : letter;
        const [sent] = await producer.send({
          topic,
          acks: -1,
          messages: [
            {
              key: original.key,
              value: original.value,
              headers: { ...original.originalHeaders, [REPLAYED_FROM_HEADER]: letter.ref },
            },
          ],
        });
        const marker: ReplayMarker = {
          ref: letter.ref,
          replayedAt: new Date().toISOString(),
          topic,
          partition: sent.partition,
          offset: sent.baseOffset ?? sent.offset ?? '',
        };
        await producer.send({
          topic: replayMarkerTopic(letter.dltTopic),
          acks: -1,
          messages: [{ key: letter.ref, value: JSON.stringify(marker) }],
        });
        outcomes.push({ letter, to: { topic, partition: marker.partition, offset: marker.offset } });
      }
      return outcomes;
    } finally {
      await producer.disconnect();
    }
  }

  /** A dead letter parked without its original (too large to copy): the original, read from its topic. */
  private async original(letter: DeadLetter): Promise<Pick<DeadLetter, 'key' | 'value' | 'originalHeaders'>> {
    const where = `${letter.originalTopic}/${letter.originalPartition}/${letter.originalOffset}`;
    if (letter.originalPartition === undefined || !/^\d+$/.test(letter.originalOffset ?? '')) {
      throw new DeadLetterToolError(`${letter.ref} was parked without its original and does not say where it is`);
    }
    const offset = BigInt(letter.originalOffset as string);
    const [found] = await this.read(letter.originalTopic, [
      { partition: letter.originalPartition, from: offset, to: offset + 1n },
    ]).catch(() => []);
    if (!found) {
      throw new DeadLetterToolError(`${letter.ref} was parked without its original, and ${where} no longer holds it`);
    }
    const { key, value, originalHeaders } = readDeadLetter(letter.originalTopic, found.partition, found.message);
    return { key, value, originalHeaders };
  }

  async close(): Promise<void> {
    await this.admin?.disconnect();
  }

  private async ensureMarkerTopics(dltTopics: string[]): Promise<void> {
    const topics = dltTopics.map(replayMarkerTopic);
    const existing = new Set(await this.existingTopics(topics));
    const missing = topics.filter((topic) => !existing.has(topic));
    if (missing.length === 0) return;
    await (
      await this.connectedAdmin()
    ).createTopics({
      waitForLeaders: true,
      topics: missing.map((topic) => ({
        topic,
        numPartitions: 1,
        // Compacted: one marker per dead letter is kept forever, whatever the broker's retention.
        configEntries: [{ name: 'cleanup.policy', value: 'compact' }],
      })),
    });
  }

  private async readLetters(dltTopic: string, ranges: OffsetRange[]): Promise<DeadLetter[]> {
    const messages = await this.read(dltTopic, ranges);
    const markers = await this.replayMarkers(dltTopic);
    return messages.map(({ partition, message }) => {
      const letter = readDeadLetter(dltTopic, partition, message);
      const marker = markers.get(deadLetterRef(dltTopic, partition, message.offset));
      return marker ? { ...letter, replayedAt: marker.replayedAt } : letter;
    });
  }

  /**
   * Reads the given offset ranges with a throw-away consumer group (kafkajs has no assign()):
   * subscribe from the end, seek each wanted partition to its start, stop once each has reached
   * its end. Nothing is committed, and the group is deleted afterwards.
   */
  private async read(topic: string, ranges: OffsetRange[]): Promise<{ partition: number; message: KafkaMessage }[]> {
    const wanted = new Map(ranges.filter((r) => r.from < r.to).map((r) => [r.partition, r]));
    if (wanted.size === 0) return [];
    const groupId = `dlt-tool-${randomUUID()}`;
    const consumer = this.kafka.consumer({ groupId, allowAutoTopicCreation: false, maxWaitTimeInMs: 250 });
    const found = new Map<string, { partition: number; message: KafkaMessage }>();
    const open = new Set(wanted.keys());
    let finished: () => void = () => undefined;
    const done = new Promise<void>((resolve) => (finished = resolve));
    let timer: NodeJS.Timeout | undefined;
    await consumer.connect();
    try {
      // From the end: partitions not wanted have nothing to fetch; the wanted ones are sought.
      await consumer.subscribe({ topics: [topic], fromBeginning: false });
      await consumer.run({
        autoCommit: false,
        eachMessage: async ({ partition, message }) => {
          const range = wanted.get(partition);
          if (!range) return;
          const offset = BigInt(message.offset);
          if (offset >= range.from && offset < range.to) found.set(`${partition}/${offset}`, { partition, message });
          if (offset >= range.to - 1n) {
            open.delete(partition);
            if (open.size === 0) finished();
          }
        },
      });
      for (const range of wanted.values())
        consumer.seek({ topic, partition: range.partition, offset: String(range.from) });
      await Promise.race([
        done,
        new Promise<never>((_, reject) => {
          timer = setTimeout(
            () => reject(new DeadLetterToolError(`timed out after ${this.readTimeoutMs} ms reading "${topic}"`)),
            this.readTimeoutMs,
          );
        }),
      ]);
    } finally {
      clearTimeout(timer);
      await consumer.disconnect();
      await (await this.connectedAdmin()).deleteGroups([groupId]).catch(() => undefined);
    }
    return [...found.values()].sort(
      (a, b) => a.partition - b.partition || Number(BigInt(a.message.offset) - BigInt(b.message.offset)),
    );
  }

  private async connectedAdmin(): Promise<Admin> {
    if (!this.admin) {
      const admin = this.kafka.admin();
      await admin.connect();
      this.admin = admin;
    }
    return this.admin;
  }
}

function maxBigInt(a: bigint, b: bigint): bigint {
  return a > b ? a : b;
}
