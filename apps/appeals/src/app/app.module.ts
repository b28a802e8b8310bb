import { Module } from '@nestjs/common';
import { ServiceCoreModule } from '@akimat/service-kit';
import { AppealsController } from '../appeals/appeals.controller';
import { AppealsService } from '../appeals/appeals.service';
import { appealsSchema } from '../database/appeals-schema';
import { AppealAssignmentService } from '../routing-events/appeal-assignment.service';
import { RoutingEventsConsumer } from '../routing-events/routing-events.consumer';
import { appealsEnvSchema } from './appeals-env.schema';

@Module({
  imports: [
    ServiceCoreModule.forRoot({
      serviceName: 'appeals',
      envSchema: appealsEnvSchema,
      database: appealsSchema,
      producesEvents: true,
    }),
  ],
  controllers: [AppealsController, RoutingEventsConsumer],
  providers: [AppealsService, AppealAssignmentService],
})
export class AppModule {}
