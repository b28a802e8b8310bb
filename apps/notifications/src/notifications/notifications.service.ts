import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NotificationView, toNotificationView } from './dto/notification.view';
import { NotificationEntity } from './notification.entity';

@Injectable()
export class NotificationsService {
  constructor(private readonly dataSource: DataSource) {}

  async listForAppeal(appealId: string): Promise<{ items: NotificationView[] }> {
    const notifications = await this.dataSource.getRepository(NotificationEntity).find({
      where: { appealId },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    return { items: notifications.map(toNotificationView) };
  }
}
