import { Inject, Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { Admin, Kafka, logLevel } from 'kafkajs';
import { SERVICE_CONFIG, ServiceConfig } from '../config/service-config';
import { consumerLag } from './backlog.metrics';

/** Nest's Kafka server appends this to the configured group id. */
const SERVER_GROUP_SUFFIX = '-server';

/**
 * Lag per partition of the service's consumer group: the partition's end offset minus the group's
 * committed offset, read from the broker at scrape time (so it is right whichever instance is asked).
 * A topic shows up once the group has committed on it.
 */
@Injectable()
export class ConsumerLagMetrics implements OnModuleInit, OnModuleDestroy {
  private admin?: Promise<Admin>;
  private unregister?: () => void;

  constructor(@Inject(SERVICE_CONFIG) private readonly config: ServiceConfig) {}

  onModuleInit(): void {
    this.unregister = consumerLag.register(() => this.read());
  }

  async onModuleDestroy(): Promise<void> {
    this.unregister?.();
    const admin = this.admin;
    this.admin = undefined;
    await admin?.then((connected) => connected.disconnect()).catch(() => undefined);
  }

  private async read() {
    const admin = await this.connectedAdmin();
    const groupId = `${this.config.kafkaGroupId}${SERVER_GROUP_SUFFIX}`;
    // Asked without topics the broker names only partitions with a commit; asked per topic, all of them.
    const topics = (await admin.fetchOffsets({ groupId })).map((entry) => entry.topic);
    const committed = topics.length > 0 ? await admin.fetchOffsets({ groupId, topics }) : [];
    const lag: [{ service: string; topic: string; partition: string }, number][] = [];
    for (const { topic, partitions } of committed) {
      const ends = new Map((await admin.fetchTopicOffsets(topic)).map((entry) => [entry.partition, entry.high]));
      for (const { partition, offset } of partitions) {
        const end = Number(ends.get(partition) ?? 0);
        // -1: nothing committed yet; everything on the partition is still to be read.
        const done = Number(offset) < 0 ? 0 : Number(offset);
        lag.push([{ service: this.config.serviceName, topic, partition: String(partition) }, Math.max(0, end - done)]);
      }
    }
    return lag;
  }

  /**
   * Its own client without retries: a scrape while the broker is down fails at once instead of
   * retrying for a minute. One connection, shared by concurrent scrapes; dropped after a failure.
   */
  private connectedAdmin(): Promise<Admin> {
    if (!this.admin) {
      const admin = new Kafka({
        clientId: `${this.config.kafkaClientId}-metrics`,
        brokers: this.config.kafkaBrokers,
        retry: { retries: 0 },
        logLevel: logLevel.NOTHING,
      }).admin();
      this.admin = admin.connect().then(() => admin);
      this.admin.catch(() => (this.admin = undefined));
    }
    return this.admin;
  }
}
