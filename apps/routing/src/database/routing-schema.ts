import {
  CreateOutboxTable1764000000000,
  CreateProcessedEventsTable1764000000001,
  OutboxEventEntity,
  ProcessedEventEntity,
} from '@akimat/service-kit';
import { AssignmentEntity } from '../assignments/assignment.entity';
import { CategoryRouteEntity } from '../directory/category-route.entity';
import { UnitEntity } from '../directory/unit.entity';
import { CreateRouting1764000002000 } from './migrations/1764000002000-create-routing';

export const routingSchema = {
  entities: [UnitEntity, CategoryRouteEntity, AssignmentEntity, OutboxEventEntity, ProcessedEventEntity],
  migrations: [CreateOutboxTable1764000000000, CreateProcessedEventsTable1764000000001, CreateRouting1764000002000],
};
