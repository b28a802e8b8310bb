import { Module } from '@nestjs/common';
import { ServiceCoreModule } from '@akimat/service-kit';
import { AppealEventsConsumer } from '../assignments/appeal-events.consumer';
import { AssignmentQueries } from '../assignments/assignment.queries';
import { AssignmentService } from '../assignments/assignment.service';
import { AssignmentsController } from '../assignments/assignments.controller';
import { ReassignmentController } from '../assignments/reassignment.controller';
import { ReassignmentService } from '../assignments/reassignment.service';
import { DeadlinesModule } from '../deadlines/deadlines.module';
import { routingSchema } from '../database/routing-schema';
import { DirectorySeeder } from '../directory/directory-seeder.service';
import { DirectoryController } from '../directory/directory.controller';
import { DirectoryService } from '../directory/directory.service';
import { RoutingRuleService } from '../rules/routing-rule.service';
import { RoutingTableCache } from '../rules/routing-table.cache';
import { RulesController } from '../rules/rules.controller';
import { routingEnvSchema } from './routing-env.schema';

@Module({
  imports: [
    ServiceCoreModule.forRoot({
      serviceName: 'routing',
      envSchema: routingEnvSchema,
      database: routingSchema,
      producesEvents: true,
      usesRedis: true,
    }),
    DeadlinesModule,
  ],
  controllers: [
    DirectoryController,
    RulesController,
    AssignmentsController,
    ReassignmentController,
    AppealEventsConsumer,
  ],
  providers: [
    DirectorySeeder,
    DirectoryService,
    RoutingRuleService,
    RoutingTableCache,
    AssignmentService,
    AssignmentQueries,
    ReassignmentService,
  ],
})
export class AppModule {}
