import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { AppealReassignedV1, AppealRoutedV1, Envelope, Head } from '@akimat/contracts';
import { NotificationEntity } from '../notifications/notification.entity';
import { renderReassignedNotice, renderRoutedNotice, RenderedNotice } from '../notifications/templates';

/** Tells the head of the unit an appeal was routed or handed over to, in the head's language. */
@Injectable()
export class RoutedNoticeService {
  recordRoutedNotice(event: Envelope<'appeal.routed', AppealRoutedV1>, manager: EntityManager): Promise<void> {
    const { data } = event;
    return this.record(manager, event.id, data.appealId, data.unit.code, data.head, renderRoutedNotice(data, data.head.language));
  }

  recordReassignedNotice(event: Envelope<'appeal.reassigned', AppealReassignedV1>, manager: EntityManager): Promise<void> {
    const { data } = event;
    return this.record(manager, event.id, data.appealId, data.unit.code, data.head, renderReassignedNotice(data, data.head.language));
  }

  private async record(
    manager: EntityManager,
    eventId: string,
    appealId: string,
    unitCode: string,
    head: Head,
    { subject, body }: RenderedNotice,
  ): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(NotificationEntity)
      .values({
        id: randomUUID(),
        eventId,
        appealId,
        recipient: head.email ?? `unit:${unitCode}`,
        recipientName: head.name,
        channel: 'in_app',
        language: head.language,
        subject,
        body,
      })
      .orIgnore()
      .execute();
  }
}
