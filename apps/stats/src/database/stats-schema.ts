import { CreateProcessedEventsTable1764000000001, ProcessedEventEntity } from '@akimat/service-kit';
import { CreateCounters1764000004000 } from './migrations/1764000004000-create-counters';
import { CreateFacts1764000004100 } from './migrations/1764000004100-create-facts';

export const statsSchema = {
  entities: [ProcessedEventEntity],
  migrations: [CreateProcessedEventsTable1764000000001, CreateCounters1764000004000, CreateFacts1764000004100],
};
