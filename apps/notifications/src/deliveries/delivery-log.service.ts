import { Injectable } from '@nestjs/common';
import { DataSource, FindOptionsWhere, IsNull, LessThanOrEqual } from 'typeorm';
import { badRequestFor } from '@akimat/service-kit';
import { Clock } from '../clock/clock';
import { DeliveryEntity } from './delivery.entity';
import { DeliveryView, NoticeView, toDeliveryView, toNoticeView } from './dto/delivery.view';

const PAGE = 500;

/** What was sent to whom, over which channel, and how it went. */
@Injectable()
export class DeliveryLog {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

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
    return { items: (await this.find(this.shown({ recipient }), 'DESC')).map(toNoticeView) };
  }

  /** The in-app notices about one appeal, oldest first (the original notifications list). */
  async inAppForAppeal(appealId: string): Promise<{ items: NoticeView[] }> {
    return { items: (await this.find(this.shown({ appealId }), 'ASC')).map(toNoticeView) };
  }

  /** In-app notices shown by now: a held one (an escalation out of office hours) from its `deliverAfter`. */
  private shown(where: FindOptionsWhere<DeliveryEntity>): FindOptionsWhere<DeliveryEntity>[] {
    const inApp: FindOptionsWhere<DeliveryEntity> = { ...where, channel: 'in_app' };
    return [
      { ...inApp, deliverAfter: IsNull() },
      { ...inApp, deliverAfter: LessThanOrEqual(this.clock.now()) },
    ];
  }

  private find(
    where: FindOptionsWhere<DeliveryEntity> | FindOptionsWhere<DeliveryEntity>[],
    order: 'ASC' | 'DESC',
  ): Promise<DeliveryEntity[]> {
    return this.dataSource
      .getRepository(DeliveryEntity)
      .find({ where, order: { createdAt: order, id: order }, take: PAGE });
  }
}
