import { CreateProcessedEventsTable1764000000001, ProcessedEventEntity } from '@akimat/service-kit';
import { NotificationEntity } from '../notifications/notification.entity';
import { CreateNotifications1764000003000 } from './migrations/1764000003000-create-notifications';

export const notificationsSchema = {
  entities: [NotificationEntity, ProcessedEventEntity],
  migrations: [CreateProcessedEventsTable1764000000001, CreateNotifications1764000003000],
};
