import { Inject, Injectable, Logger } from '@nestjs/common';
import { Kafka } from 'kafkajs';
import { deadLetterTopic, physicalTopic, TOPICS } from '@akimat/contracts';
import { SERVICE_CONFIG, ServiceConfig } from '../config/service-config';
import { KAFKA } from './kafka.token';

/**
 * Creates the event topics and their dead-letter twins before consumers subscribe, with the
 * configured partition count, instead of relying on broker auto-creation defaults.
 */
@Injectable()
export class TopicAdmin {
  private readonly logger = new Logger(TopicAdmin.name);

  constructor(
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  allTopics(): string[] {
    return Object.values(TOPICS).flatMap((topic) => {
      const name = physicalTopic(topic, this.config.KAFKA_TOPIC_PREFIX);
      return [name, deadLetterTopic(name)];
    });
  }

  async ensureTopics(): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const existing = new Set(await admin.listTopics());
      const missing = this.allTopics().filter((topic) => !existing.has(topic));
      if (missing.length === 0) return;
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((topic) => ({ topic, numPartitions: this.config.KAFKA_TOPIC_PARTITIONS })),
      });
      this.logger.log({ msg: 'created topics', topics: missing });
    } finally {
      await admin.disconnect();
    }
  }

  /** Cheap broker round trip for readiness checks. */
  async ping(timeoutMs = 3000): Promise<void> {
    const admin = this.kafka.admin();
    const timeout = new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`no answer from Kafka within ${timeoutMs} ms`)), timeoutMs).unref(),
    );
    try {
      await Promise.race([admin.connect().then(() => admin.describeCluster()), timeout]);
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  }
}
