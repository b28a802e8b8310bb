import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Staff } from '@akimat/contracts';
import { badRequestFor } from '@akimat/service-kit';
import { AppealEventPublisher } from '../appeals/appeal-event.publisher';
import { IdempotentRequests } from '../idempotency/idempotent-requests.service';
import { RecordVisitDto } from './dto/record-visit.dto';
import { ServiceCatalogueEntity } from './service-catalogue.entity';
import { ServiceVisitEntity } from './service-visit.entity';

/** A few seconds of clock difference between the desk's device and the server are not "the future". */
const CLOCK_SKEW_MS = 60_000;

/** Walk-in services (the office's first direction): recorded here, counted by stats from `service.rendered`. */
@Injectable()
export class ServiceVisitsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly idempotent: IdempotentRequests,
    private readonly events: AppealEventPublisher,
  ) {}

  record(dto: RecordVisitDto, actor: Staff, correlationId: string, idempotencyKey?: string) {
    return this.idempotent.run('POST /api/v1/service-visits', idempotencyKey, dto, async (manager) => {
      const offered = await manager.existsBy(ServiceCatalogueEntity, {
        sector: dto.sector,
        code: dto.service,
        active: true,
      });
      if (!offered) {
        throw badRequestFor([
          {
            field: 'service',
            rule: 'inCatalogue',
            message: `service "${dto.sector}/${dto.service}" is not in the catalogue`,
          },
        ]);
      }
      const renderedAt = dto.renderedAt ? new Date(dto.renderedAt) : new Date();
      if (renderedAt.getTime() > Date.now() + CLOCK_SKEW_MS) {
        throw badRequestFor([
          { field: 'renderedAt', rule: 'notInFuture', message: 'renderedAt must not be in the future' },
        ]);
      }
      const visit = manager.create(ServiceVisitEntity, {
        id: randomUUID(),
        sector: dto.sector,
        service: dto.service,
        renderedAt,
        renderedByName: actor.name,
        renderedByPosition: actor.position ?? null,
      });
      await manager.insert(ServiceVisitEntity, visit);
      await this.events.publish(
        manager,
        'service.rendered',
        {
          visitId: visit.id,
          sector: visit.sector,
          service: visit.service,
          renderedAt: renderedAt.toISOString(),
          renderedBy: actor,
        },
        { subject: visit.id, correlationId, occurredAt: new Date() },
      );
      return { id: visit.id, sector: visit.sector, service: visit.service, renderedAt: renderedAt.toISOString() };
    });
  }

  async catalogue() {
    const rows = await this.dataSource.query<
      { sector: string; sector_kk: string; sector_ru: string; code: string; name_kk: string; name_ru: string }[]
    >(
      `SELECT s.code AS sector, s.name_kk AS sector_kk, s.name_ru AS sector_ru, c.code, c.name_kk, c.name_ru
         FROM service_sectors s JOIN service_catalogue c ON c.sector = s.code
        WHERE s.active AND c.active ORDER BY s.code, c.code`,
    );
    const sectors = new Map<
      string,
      { code: string; nameKk: string; nameRu: string; services: { code: string; nameKk: string; nameRu: string }[] }
    >();
    for (const row of rows) {
      const sector = sectors.get(row.sector) ?? {
        code: row.sector,
        nameKk: row.sector_kk,
        nameRu: row.sector_ru,
        services: [],
      };
      sector.services.push({ code: row.code, nameKk: row.name_kk, nameRu: row.name_ru });
      sectors.set(row.sector, sector);
    }
    return [...sectors.values()];
  }
}
