import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { Queue } from 'bullmq';
import { SERVICE_CONFIG, ServiceConfig } from '../config/service-config';
import { queueJobs } from './backlog.metrics';

const STATES = ['waiting', 'delayed', 'active', 'failed', 'prioritized'] as const;

/** Depth of every BullMQ queue the service registered, per state, read at scrape time. */
@Injectable()
export class QueueMetrics implements OnApplicationBootstrap, OnModuleDestroy {
  private unregister?: () => void;

  constructor(
    private readonly discovery: DiscoveryService,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  onApplicationBootstrap(): void {
    const queues = this.discovery
      .getProviders()
      .map((wrapper) => wrapper.instance as unknown)
      .filter((instance): instance is Queue => instance instanceof Queue);
    const service = this.config.serviceName;
    this.unregister = queueJobs.register(async () => {
      const values: [{ service: string; queue: string; state: string }, number][] = [];
      for (const queue of new Set(queues)) {
        const counts = await queue.getJobCounts(...STATES);
        for (const state of STATES) values.push([{ service, queue: queue.name, state }, counts[state] ?? 0]);
      }
      return values;
    });
  }

  onModuleDestroy(): void {
    this.unregister?.();
  }
}
