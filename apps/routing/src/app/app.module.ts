import { Module } from '@nestjs/common';
import { ServiceCoreModule } from '@akimat/service-kit';
import { AppealEventsConsumer } from '../assignments/appeal-events.consumer';
import { AssignmentService } from '../assignments/assignment.service';
import { AssignmentsController } from '../assignments/assignments.controller';
import { routingSchema } from '../database/routing-schema';
import { DirectorySeeder } from '../directory/directory-seeder.service';
import { DirectoryController } from '../directory/directory.controller';
import { DirectoryService } from '../directory/directory.service';
import { routingEnvSchema } from './routing-env.schema';

@Module({
  imports: [
    ServiceCoreModule.forRoot({
      serviceName: 'routing',
      envSchema: routingEnvSchema,
      database: routingSchema,
      producesEvents: true,
    }),
  ],
  controllers: [DirectoryController, AssignmentsController, AppealEventsConsumer],
  providers: [DirectorySeeder, DirectoryService, AssignmentService],
})
export class AppModule {}
