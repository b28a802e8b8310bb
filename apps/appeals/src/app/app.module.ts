import { Module } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import { SERVICE_CONFIG, ServiceConfig, ServiceCoreModule } from '@akimat/service-kit';
import { AppealCardsService } from '../appeals/appeal-cards.service';
import { AppealEventPublisher } from '../appeals/appeal-event.publisher';
import { AppealRegistrationService } from '../appeals/appeal-registration.service';
import { AppealsController } from '../appeals/appeals.controller';
import { CategoriesController } from '../appeals/categories.controller';
import { CategoryCatalogue } from '../appeals/category-catalogue';
import { OfficeClock } from '../appeals/office-clock';
import { RegistrationBatcher } from '../appeals/registration-batcher';
import { appealsSchema } from '../database/appeals-schema';
import { IdempotentRequests } from '../idempotency/idempotent-requests.service';
import { InboxService } from '../inbox/inbox.service';
import { AppealActionsController } from '../lifecycle/appeal-actions.controller';
import { AppealActionsService } from '../lifecycle/appeal-actions.service';
import { AppealObligationsService } from '../lifecycle/appeal-obligations.service';
import { ReceiptsService } from '../receipts/receipts.service';
import { ReceptionSessionsController } from '../reception-sessions/reception-sessions.controller';
import { ReceptionSessionsService } from '../reception-sessions/reception-sessions.service';
import { AppealAssignmentService } from '../routing-events/appeal-assignment.service';
import { RoutingEventsConsumer } from '../routing-events/routing-events.consumer';
import { ServiceVisitsController } from '../service-visits/service-visits.controller';
import { ServiceVisitsService } from '../service-visits/service-visits.service';
import { TrackingController } from '../tracking/tracking.controller';
import { TrackingService } from '../tracking/tracking.service';
import { AppealsEnv, appealsEnvSchema } from './appeals-env.schema';

@Module({
  imports: [
    ServiceCoreModule.forRoot({
      serviceName: 'appeals',
      envSchema: appealsEnvSchema,
      database: appealsSchema,
      producesEvents: true,
    }),
    ThrottlerModule.forRootAsync({
      inject: [SERVICE_CONFIG],
      useFactory: (config: ServiceConfig<AppealsEnv>) => [
        { name: 'tracking', ttl: 60_000, limit: config.TRACKING_RATE_LIMIT_PER_MINUTE },
      ],
    }),
  ],
  controllers: [
    AppealsController,
    CategoriesController,
    AppealActionsController,
    ReceptionSessionsController,
    ServiceVisitsController,
    TrackingController,
    RoutingEventsConsumer,
  ],
  providers: [
    AppealRegistrationService,
    AppealCardsService,
    CategoryCatalogue,
    RegistrationBatcher,
    AppealEventPublisher,
    AppealActionsService,
    AppealObligationsService,
    AppealAssignmentService,
    IdempotentRequests,
    InboxService,
    OfficeClock,
    ReceiptsService,
    ReceptionSessionsService,
    ServiceVisitsService,
    TrackingService,
  ],
})
export class AppModule {}
