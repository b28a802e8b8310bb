import {
  CreateOutboxTable1764000000000,
  CreateProcessedEventsTable1764000000001,
  OutboxEventEntity,
  ProcessedEventEntity,
} from '@akimat/service-kit';
import { AssignmentHistoryEntity } from '../assignments/assignment-history.entity';
import { AssignmentEntity } from '../assignments/assignment.entity';
import { DeadlineClockEntity } from '../deadlines/deadline-clock.entity';
import { UnitEntity } from '../directory/unit.entity';
import { RoutingRuleVersionEntity } from '../rules/routing-rule-version.entity';
import { RoutingRuleEntity } from '../rules/routing-rule.entity';
import { CreateRouting1764000002000 } from './migrations/1764000002000-create-routing';
import { RoutingRules1764000002100 } from './migrations/1764000002100-routing-rules';
import { DeadlineClocks1764000002200 } from './migrations/1764000002200-deadline-clocks';
import { AssignmentCorrelation1764000002300 } from './migrations/1764000002300-assignment-correlation';

export const routingSchema = {
  entities: [
    UnitEntity,
    RoutingRuleEntity,
    RoutingRuleVersionEntity,
    AssignmentEntity,
    AssignmentHistoryEntity,
    DeadlineClockEntity,
    OutboxEventEntity,
    ProcessedEventEntity,
  ],
  migrations: [
    CreateOutboxTable1764000000000,
    CreateProcessedEventsTable1764000000001,
    CreateRouting1764000002000,
    RoutingRules1764000002100,
    DeadlineClocks1764000002200,
    AssignmentCorrelation1764000002300,
  ],
};
