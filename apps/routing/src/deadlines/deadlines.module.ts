import { BullBoardModule } from '@bull-board/nestjs';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { EventConsumerModule, OutboxModule, SERVICE_CONFIG, ServiceConfig, TokenVerifier } from '@akimat/service-kit';
import { RoutingEnv } from '../app/routing-env.schema';
import { opsDashboardMiddleware } from '../ops/ops-dashboard.middleware';
import { AnswerClocks } from './answer-clocks.service';
import { DEADLINE_QUEUE } from './clock-job';
import { ClockReconciler } from './clock-reconciler.service';
import { ClockScheduler } from './clock-scheduler.service';
import { PendingClocksGauge } from './clock-metrics';
import { CLOCK_SETTINGS, clockSettingsFromEnv } from './clock-settings';
import { DeadlineClocks } from './deadline-clocks.service';
import { DeadlineFireProcessor } from './deadline-fire.processor';
import { DeadlineFiring } from './deadline-firing.service';

export const OPS_QUEUES_ROUTE = '/ops/queues';

/** Answer clocks (brief and full answer, forwarding, extension notice): rows in PostgreSQL, delayed jobs in BullMQ, the worker that fires them, bull-board for ops. */
@Module({
  imports: [
    OutboxModule,
    EventConsumerModule,
    BullModule.registerQueue({ name: DEADLINE_QUEUE }),
    BullBoardModule.forRootAsync({
      // The service's one verifier (and its key cache), as the API's access guard uses.
      inject: [TokenVerifier],
      useFactory: (verifier: TokenVerifier) => ({
        route: OPS_QUEUES_ROUTE,
        adapter: ExpressAdapter,
        middleware: opsDashboardMiddleware(verifier),
      }),
    }),
    BullBoardModule.forFeature({ name: DEADLINE_QUEUE, adapter: BullMQAdapter }),
  ],
  providers: [
    {
      provide: CLOCK_SETTINGS,
      inject: [SERVICE_CONFIG],
      useFactory: (config: ServiceConfig<RoutingEnv>) => clockSettingsFromEnv(config),
    },
    ClockScheduler,
    DeadlineClocks,
    AnswerClocks,
    DeadlineFiring,
    DeadlineFireProcessor,
    ClockReconciler,
    PendingClocksGauge,
  ],
  exports: [AnswerClocks],
})
export class DeadlinesModule {}
