import {
  CreateOutboxTable1764000000000,
  CreateProcessedEventsTable1764000000001,
  OutboxEventEntity,
  ProcessedEventEntity,
} from '@akimat/service-kit';
import { AppealCategoryEntity } from '../appeals/appeal-category.entity';
import { AppealEntity } from '../appeals/appeal.entity';
import { CreateAppeals1764000001000 } from './migrations/1764000001000-create-appeals';

export const appealsSchema = {
  entities: [AppealEntity, AppealCategoryEntity, OutboxEventEntity, ProcessedEventEntity],
  migrations: [CreateOutboxTable1764000000000, CreateProcessedEventsTable1764000000001, CreateAppeals1764000001000],
};
