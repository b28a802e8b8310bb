import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { DateTime } from 'luxon';
import { randomUUID } from 'node:crypto';
import { Between, DataSource } from 'typeorm';
import { Staff } from '@akimat/contracts';
import { badRequestFor, SERVICE_CONFIG, ServiceConfig } from '@akimat/service-kit';
import { AppealsEnv } from '../app/appeals-env.schema';
import { ListSessionsDto } from './dto/list-sessions.dto';
import { OpenSessionDto } from './dto/open-session.dto';
import { ReceptionSessionEntity } from './reception-session.entity';

export function toSessionView(session: ReceptionSessionEntity) {
  return {
    id: session.id,
    officialName: session.officialName,
    officialPosition: session.officialPosition,
    place: session.place,
    startsAt: session.startsAt.toISOString(),
    endsAt: session.endsAt?.toISOString() ?? null,
    openedBy: session.openedBy,
  };
}

/** Open-dialogue reception sessions: the akim, a deputy or the chief of staff receiving residents. */
@Injectable()
export class ReceptionSessionsService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig<AppealsEnv>,
  ) {}

  async open(dto: OpenSessionDto, actor: Staff) {
    const startsAt = new Date(dto.startsAt);
    const endsAt = dto.endsAt ? new Date(dto.endsAt) : null;
    if (endsAt && endsAt <= startsAt) {
      throw badRequestFor([{ field: 'endsAt', rule: 'afterStartsAt', message: 'endsAt must be later than startsAt' }]);
    }
    const session = this.dataSource.manager.create(ReceptionSessionEntity, {
      id: randomUUID(),
      officialName: dto.officialName,
      officialPosition: dto.officialPosition,
      place: dto.place,
      startsAt,
      endsAt,
      openedBy: actor.name,
    });
    await this.dataSource.manager.insert(ReceptionSessionEntity, session);
    return toSessionView(session);
  }

  async list(query: ListSessionsDto) {
    const where = query.date ? { startsAt: Between(...this.officeDay(query.date)) } : {};
    const sessions = await this.dataSource.manager.find(ReceptionSessionEntity, {
      where,
      order: { startsAt: 'DESC' },
      take: query.limit ?? 50,
    });
    return sessions.map(toSessionView);
  }

  async findOne(id: string) {
    const session = await this.dataSource.manager.findOneBy(ReceptionSessionEntity, { id });
    if (!session) throw new NotFoundException(`reception session ${id} not found`);
    return toSessionView(session);
  }

  private officeDay(isoDate: string): [Date, Date] {
    const start = DateTime.fromISO(isoDate, { zone: this.config.OFFICE_TIME_ZONE }).startOf('day');
    return [start.toJSDate(), start.endOf('day').toJSDate()];
  }
}
