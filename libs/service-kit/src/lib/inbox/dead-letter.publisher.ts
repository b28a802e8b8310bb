import { Inject, Injectable, Logger } from '@nestjs/common';
import { KafkaContext } from '@nestjs/microservices';
import type { IHeaders } from 'kafkajs';
import { deadLetterTopic } from '@akimat/contracts';
import { SERVICE_CONFIG, ServiceConfig } from '../config/service-config';
import { DLT_HEADERS } from '../dead-letters/dead-letter-format';
import { deadLetters } from '../metrics/messaging.metrics';

export interface DeadLetterReason {
  failure: string;
  reason: string;
  attempts: number;
}

/** Longest key kept on a dead letter whose original is too large to copy. */
const MAX_KEPT_KEY_BYTES = 1024;

/**
 * Parks a message on `<topic>.dlt` with the original value and key, where it came from, and why.
 * If Kafka refuses, the error propagates so the message is redelivered rather than lost — except
 * when the copy is too large for the broker (an original just under the size limit plus our
 * headers): then the dead letter goes without the original's value and headers, says so in
 * `dlt-original-omitted`, and points at the original, which stays on its topic (the replay command
 * fetches it from there). Otherwise one oversized message would block its partition for good.
 * Once parked, the consumer commits past the message, so a restart does not park it again.
 */
@Injectable()
export class DeadLetterPublisher {
  private readonly logger = new Logger(DeadLetterPublisher.name);

  constructor(@Inject(SERVICE_CONFIG) private readonly config: ServiceConfig) {}

  async publish(context: KafkaContext, why: DeadLetterReason): Promise<void> {
    const message = context.getMessage();
    const topic = deadLetterTopic(context.getTopic());
    const value =
      typeof message.value === 'string' || Buffer.isBuffer(message.value)
        ? message.value
        : JSON.stringify(message.value);
    const deadLetterHeaders: IHeaders = {
      [DLT_HEADERS.failure]: why.failure,
      [DLT_HEADERS.reason]: why.reason.slice(0, 2000),
      [DLT_HEADERS.attempts]: String(why.attempts),
      [DLT_HEADERS.originalTopic]: context.getTopic(),
      [DLT_HEADERS.originalPartition]: String(context.getPartition()),
      [DLT_HEADERS.originalOffset]: message.offset,
      [DLT_HEADERS.at]: new Date().toISOString(),
    };
    const send = (parked: { key: Buffer | string | null; value: Buffer | string | null; headers: IHeaders }) =>
      context.getProducer().send({ topic, acks: -1, messages: [parked] });
    try {
      await send({ key: message.key, value, headers: { ...message.headers, ...deadLetterHeaders } });
    } catch (error) {
      if ((error as { type?: string }).type !== 'MESSAGE_TOO_LARGE') throw error;
      const size = value === null ? 0 : Buffer.byteLength(value);
      const keepKey = message.key !== null && Buffer.byteLength(message.key) <= MAX_KEPT_KEY_BYTES;
      await send({
        key: keepKey ? message.key : null,
        value: null,
        headers: {
          ...deadLetterHeaders,
          [DLT_HEADERS.originalOmitted]: `value (${size} bytes), headers${keepKey ? '' : ', key'}: too large to copy`,
        },
      });
    }
    // Offsets are otherwise committed once a second: a crash in between would park the message twice.
    // Parked is parked: if this commit fails, the consumer's next one covers it.
    const next = (BigInt(message.offset) + 1n).toString();
    await context
      .getConsumer()
      .commitOffsets([{ topic: context.getTopic(), partition: context.getPartition(), offset: next }])
      .catch((error: Error) => this.logger.warn({ msg: 'commit past a dead letter failed', reason: error.message }));
    deadLetters.inc({ service: this.config.serviceName, topic: context.getTopic(), failure: why.failure });
    this.logger.warn({
      msg: 'event sent to dead-letter topic',
      topic,
      offset: message.offset,
      failure: why.failure,
      reason: why.reason,
    });
  }
}
