import { CreateProcessedEventsTable1764000000001, ProcessedEventEntity } from '@akimat/service-kit';
import { AppealResidentEntity } from '../contacts/appeal-resident.entity';
import { DirectoryUnitEntity } from '../contacts/directory-unit.entity';
import { DeliveryEntity } from '../deliveries/delivery.entity';
import { CreateNotifications1764000003000 } from './migrations/1764000003000-create-notifications';
import { CreateDeliveries1764000003100 } from './migrations/1764000003100-create-deliveries';
import { DeliveryCorrelation1764000003200 } from './migrations/1764000003200-delivery-correlation';

export const notificationsSchema = {
  entities: [DeliveryEntity, AppealResidentEntity, DirectoryUnitEntity, ProcessedEventEntity],
  migrations: [
    CreateProcessedEventsTable1764000000001,
    CreateNotifications1764000003000,
    CreateDeliveries1764000003100,
    DeliveryCorrelation1764000003200,
  ],
};
