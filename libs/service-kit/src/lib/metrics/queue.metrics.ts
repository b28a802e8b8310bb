import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { Queue } from 'bullmq';
import { SERVICE_CONFIG, ServiceConfig } from '../config/service-config';
import { queueJobs } from './backlog.metrics';

const STATES = ['waiting', 'delayed', 'active', 'failed', 'prioritized'] as const;

/**
 * Adds `queues` to `bullmq_queue_jobs` (per state, read at scrape time); returns the function that
 * removes them. For queues a service creates itself rather than as Nest providers.
 */
export function registerQueueDepth(service: string, queues: readonly Queue[]): () => void {
  return queueJobs.register(async () => {
    const values: [{ service: string; queue: string; state: string }, number][] = [];
    for (const queue of new Set(queues)) {
      const counts = await queue.getJobCounts(...STATES);
      for (const state of STATES) values.push([{ service, queue: queue.name, state }, counts[state] ?? 0]);
    }
    return values;
  });
}

/** Depth of every BullMQ queue the service registered as a Nest provider. */
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
    this.unregister = registerQueueDepth(this.config.serviceName, queues);
  }

  onModuleDestroy(): void {
    this.unregister?.();
  }
}
