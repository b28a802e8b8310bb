import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, OnApplicationBootstrap } from '@nestjs/common';
import { Job } from 'bullmq';
import { SERVICE_CONFIG, ServiceConfig } from '@akimat/service-kit';
import { RoutingEnv } from '../app/routing-env.schema';
import { clockIdOfJob, DEADLINE_QUEUE, FINISHED_JOBS } from './clock-job';
import { DeadlineFiring, FiringOutcome } from './deadline-firing.service';

/** Runs due clock jobs; the firing service decides whether anything is published. */
@Processor(DEADLINE_QUEUE, { removeOnComplete: FINISHED_JOBS, removeOnFail: FINISHED_JOBS })
export class DeadlineFireProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    private readonly firing: DeadlineFiring,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig<RoutingEnv>,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    this.worker.concurrency = this.config.CLOCK_WORKER_CONCURRENCY;
  }

  process(job: Job): Promise<FiringOutcome> {
    return this.firing.fire(clockIdOfJob(job.id as string));
  }
}
