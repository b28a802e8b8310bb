import { Inject, Injectable, Logger } from '@nestjs/common';
import { KafkaContext } from '@nestjs/microservices';
import { deadLetterTopic } from '@akimat/contracts';
import { SERVICE_CONFIG, ServiceConfig } from '../config/service-config';
import { deadLetters } from '../metrics/messaging.metrics';

export interface DeadLetterReason {
  failure: string;
  reason: string;
  attempts: number;
}

/**
 * Parks a message on `<topic>.dlt` with the original value and key, where it came from, and why.
 * If Kafka refuses, the error propagates so the message is redelivered rather than lost.
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
    await context.getProducer().send({
      topic,
      acks: -1,
      messages: [
        {
          key: message.key,
          value,
          headers: {
            ...message.headers,
            'dlt-failure': why.failure,
            'dlt-reason': why.reason.slice(0, 2000),
            'dlt-attempts': String(why.attempts),
            'dlt-original-topic': context.getTopic(),
            'dlt-original-partition': String(context.getPartition()),
            'dlt-original-offset': message.offset,
            'dlt-at': new Date().toISOString(),
          },
        },
      ],
    });
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
