import { Module } from '@nestjs/common';
import { ServiceCoreModule } from '@akimat/service-kit';
import { AppealEventsConsumer } from '../appeal-events/appeal-events.consumer';
import { CountersService } from '../counters/counters.service';
import { statsSchema } from '../database/stats-schema';
import { RoutingEventsConsumer } from '../routing-events/routing-events.consumer';
import { StatsSummaryService } from '../summary/stats-summary.service';
import { StatsController } from '../summary/stats.controller';
import { statsEnvSchema } from './stats-env.schema';

@Module({
  imports: [
    ServiceCoreModule.forRoot({
      serviceName: 'stats',
      envSchema: statsEnvSchema,
      database: statsSchema,
      producesEvents: false,
    }),
  ],
  controllers: [StatsController, AppealEventsConsumer, RoutingEventsConsumer],
  providers: [CountersService, StatsSummaryService],
})
export class AppModule {}
