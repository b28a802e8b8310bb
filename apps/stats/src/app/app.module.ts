import { Module } from '@nestjs/common';
import { ServiceCoreModule } from '@akimat/service-kit';
import { statsSchema } from '../database/stats-schema';
import { EventsConsumer } from '../facts/events.consumer';
import { FactWriter } from '../facts/fact-writer';
import { StatsQueryService } from '../summary/stats-query.service';
import { StatsController } from '../summary/stats.controller';
import { StatsService } from '../summary/stats.service';
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
  controllers: [StatsController, EventsConsumer],
  providers: [FactWriter, StatsQueryService, StatsService],
})
export class AppModule {}
