import { Injectable, NotFoundException } from '@nestjs/common';
import { StaffIdentity, unitScopeOf } from '@akimat/service-kit';
import { DataSource } from 'typeorm';
import { AppealEntity } from '../appeals/appeal.entity';
import { InboxQueryDto } from './inbox-query.dto';
import { InboxItem, toInboxItem } from './inbox.view';

export interface InboxPage {
  items: InboxItem[];
  total: number;
  limit: number;
  offset: number;
}

/** The department inbox: a unit's appeals, soonest due first, from the read model routing feeds. */
@Injectable()
export class InboxService {
  constructor(private readonly dataSource: DataSource) {}

  async list(query: InboxQueryDto, staff: StaffIdentity): Promise<InboxPage> {
    const unitId = scopedUnit(query.unitId, staff);
    const limit = query.limit ?? 50;
    const offset = query.offset ?? 0;
    const now = new Date();
    const builder = this.dataSource.getRepository(AppealEntity).createQueryBuilder('appeal');
    if (unitId) builder.andWhere('appeal.assignedUnitCode = :unit', { unit: unitId });
    if (query.status) builder.andWhere('appeal.status = :status', { status: query.status });
    if (query.overdue === true) builder.andWhere('appeal.nextDueAt < :now', { now });
    if (query.overdue === false) builder.andWhere('(appeal.nextDueAt IS NULL OR appeal.nextDueAt >= :now)', { now });
    if ((query.sort ?? 'due') === 'due') {
      builder.orderBy('appeal.nextDueAt', 'ASC', 'NULLS LAST').addOrderBy('appeal.registeredAt', 'ASC');
    } else {
      builder.orderBy('appeal.registeredAt', 'DESC');
    }
    builder.addOrderBy('appeal.id', 'ASC').skip(offset).take(limit);
    const [appeals, total] = await builder.getManyAndCount();
    return { items: appeals.map((appeal) => toInboxItem(appeal, now)), total, limit, offset };
  }
}

/** A unit head lists his own unit whatever he asks; asking for another unit answers 404, not its data. */
function scopedUnit(asked: string | undefined, staff: StaffIdentity): string | undefined {
  const scope = unitScopeOf(staff);
  if (scope === null) return asked;
  if (asked !== undefined && asked !== scope) throw new NotFoundException(`unit ${asked} not found`);
  return scope;
}
