import { Inject, Injectable } from '@nestjs/common';
import { createOfficeCalendarFromEnv, OfficeCalendar } from '@akimat/office-calendar';
import { SERVICE_CONFIG, ServiceConfig } from '@akimat/service-kit';
import { AppealsEnv } from '../app/appeals-env.schema';

/** The office's calendar as appeals needs it: which office day a registration belongs to. */
@Injectable()
export class OfficeClock {
  private readonly calendar: OfficeCalendar;
  /** Office hours are whole minutes, so every instant of one minute has the same registration day. */
  private memo = { minute: -1, date: '' };

  constructor(@Inject(SERVICE_CONFIG) config: ServiceConfig<AppealsEnv>) {
    this.calendar = createOfficeCalendarFromEnv(config);
  }

  /** The same day, or the next working day when it arrives after hours or on a day off (Art. 64). */
  registrationDate(receivedAt: Date): string {
    const minute = Math.floor(receivedAt.getTime() / 60_000);
    if (minute !== this.memo.minute) this.memo = { minute, date: this.calendar.registrationDate(receivedAt) };
    return this.memo.date;
  }
}
