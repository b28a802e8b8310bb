import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { AppealRoutedV1, Envelope } from '@akimat/contracts';
import { NotificationEntity } from '../notifications/notification.entity';
import { renderRoutedNotice } from '../notifications/templates';

/** Tells the head of the unit an appeal was routed to, in the head's language. */
@Injectable()
export class RoutedNoticeService {
  async recordRoutedNotice(event: Envelope<'appeal.routed', AppealRoutedV1>, manager: EntityManager): Promise<void> {
    const { data } = event;
    const { subject, body } = renderRoutedNotice(data, data.head.language);
    await manager
      .createQueryBuilder()
      .insert()
      .into(NotificationEntity)
      .values({
        id: randomUUID(),
        eventId: event.id,
        appealId: data.appealId,
        recipient: data.head.email ?? `unit:${data.unit.code}`,
        recipientName: data.head.name,
        channel: 'in_app',
        language: data.head.language,
        subject,
        body,
      })
      .orIgnore()
      .execute();
  }
}
