import { CreateProcessedEventsTable1764000000001, ProcessedEventEntity } from '@akimat/service-kit';
import { CounterEntity } from '../counters/counter.entity';
import { CreateCounters1764000004000 } from './migrations/1764000004000-create-counters';

export const statsSchema = {
  entities: [CounterEntity, ProcessedEventEntity],
  migrations: [CreateProcessedEventsTable1764000000001, CreateCounters1764000004000],
};
