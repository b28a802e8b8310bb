import { Inject, Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { SERVICE_CONFIG, ServiceConfig } from '@akimat/service-kit';
import { AppealsEnv } from '../app/appeals-env.schema';

/** The office's calendar as appeals needs it: which office day a registration belongs to. */
@Injectable()
export class OfficeClock {
  constructor(@Inject(SERVICE_CONFIG) private readonly config: ServiceConfig<AppealsEnv>) {}

  registrationDate(receivedAt: Date): string {
    return DateTime.fromJSDate(receivedAt).setZone(this.config.OFFICE_TIME_ZONE).toISODate() as string;
  }
}
