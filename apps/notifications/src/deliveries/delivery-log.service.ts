import { Injectable } from '@nestjs/common';
import { DataSource, FindOptionsWhere } from 'typeorm';
import { badRequestFor } from '@akimat/service-kit';
import { DeliveryEntity } from './delivery.entity';
import { DeliveryView, NoticeView, toDeliveryView, toNoticeView } from './dto/delivery.view';

const PAGE = 500;

/** What was sent to whom, over which channel, and how it went. */
@Injectable()
export class DeliveryLog {
  constructor(private readonly dataSource: DataSource) {}

  async deliveries(filter: { appealId?: string; recipient?: string }): Promise<{ items: DeliveryView[] }> {
    if (!filter.appealId && !filter.recipient) {
      throw badRequestFor([{ field: 'appealId', rule: 'appealIdOrRecipient', message: 'give appealId or recipient' }]);
    }
    const where: FindOptionsWhere<DeliveryEntity> = {};
    if (filter.appealId) where.appealId = filter.appealId;
    if (filter.recipient) where.recipient = filter.recipient;
    return { items: (await this.find(where, 'ASC')).map(toDeliveryView) };
  }

  /** A person's in-app inbox, newest first. */
  async inbox(recipient: string): Promise<{ items: NoticeView[] }> {
    return { items: (await this.find({ recipient, channel: 'in_app' }, 'DESC')).map(toNoticeView) };
  }

  /** The in-app notices about one appeal, oldest first (the original notifications list). */
  async inAppForAppeal(appealId: string): Promise<{ items: NoticeView[] }> {
    return { items: (await this.find({ appealId, channel: 'in_app' }, 'ASC')).map(toNoticeView) };
  }

  private find(where: FindOptionsWhere<DeliveryEntity>, order: 'ASC' | 'DESC'): Promise<DeliveryEntity[]> {
    return this.dataSource.getRepository(DeliveryEntity).find({ where, order: { createdAt: order, id: order }, take: PAGE });
  }
}
