import {
  CreateOutboxTable1764000000000,
  CreateProcessedEventsTable1764000000001,
  OutboxEventEntity,
  ProcessedEventEntity,
} from '@akimat/service-kit';
import { AppealCategoryEntity } from '../appeals/appeal-category.entity';
import { AppealEntity } from '../appeals/appeal.entity';
import { AppealAnswerEntity } from '../lifecycle/appeal-answer.entity';
import { ReceptionSessionEntity } from '../reception-sessions/reception-session.entity';
import { ServiceCatalogueEntity } from '../service-visits/service-catalogue.entity';
import { ServiceVisitEntity } from '../service-visits/service-visit.entity';
import { TimelineEntryEntity } from '../timeline/timeline-entry.entity';
import { CreateAppeals1764000001000 } from './migrations/1764000001000-create-appeals';
import { AppealLifecycle1764000001100 } from './migrations/1764000001100-appeal-lifecycle';

export const appealsSchema = {
  entities: [
    AppealEntity,
    AppealCategoryEntity,
    AppealAnswerEntity,
    TimelineEntryEntity,
    ReceptionSessionEntity,
    ServiceCatalogueEntity,
    ServiceVisitEntity,
    OutboxEventEntity,
    ProcessedEventEntity,
  ],
  migrations: [
    CreateOutboxTable1764000000000,
    CreateProcessedEventsTable1764000000001,
    CreateAppeals1764000001000,
    AppealLifecycle1764000001100,
  ],
};
