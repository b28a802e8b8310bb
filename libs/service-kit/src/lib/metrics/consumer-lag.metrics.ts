import { Inject, Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { Admin, Kafka } from 'kafkajs';
import { SERVICE_CONFIG, ServiceConfig } from '../config/service-config';
import { KAFKA } from '../kafka/kafka.token';
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
  private admin?: Admin;
  private unregister?: () => void;

  constructor(
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  onModuleInit(): void {
    this.unregister = consumerLag.register(() => this.read());
  }

  async onModuleDestroy(): Promise<void> {
    this.unregister?.();
    await this.admin?.disconnect().catch(() => undefined);
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

  private async connectedAdmin(): Promise<Admin> {
    if (!this.admin) {
      const admin = this.kafka.admin();
      await admin.connect();
      this.admin = admin;
    }
    return this.admin;
  }
}
