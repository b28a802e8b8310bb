import { ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Staff } from '@akimat/contracts';
import { AuditTrail, OutboxService, SERVICE_CONFIG, ServiceConfig, badRequestFor, staffLabel } from '@akimat/service-kit';
import { bumpRoutingRevision } from '../rules/routing-table.cache';
import { directorySeed } from './directory-seed';
import { CreateUnitDto, UnitDetailsDto } from './dto/unit.dto';
import { UnitEntity } from './unit.entity';
import { toUnitView, unitChangedEvent, UnitView } from './unit.view';

/** The directory of units. Every change is one transaction with its `directory.unit_changed`. */
@Injectable()
export class DirectoryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly trail: AuditTrail,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  async list(): Promise<UnitView[]> {
    const units = await this.dataSource.getRepository(UnitEntity).find({ order: { kind: 'ASC', code: 'ASC' } });
    return units.map(toUnitView);
  }

  async get(code: string): Promise<UnitView> {
    const unit = await this.dataSource.getRepository(UnitEntity).findOneBy({ code });
    if (!unit) throw new NotFoundException(`unit "${code}" not found`);
    return toUnitView(unit);
  }

  async create(dto: CreateUnitDto, actor: Staff, correlationId: string): Promise<UnitView> {
    return this.dataSource.transaction(async (manager) => {
      if (await manager.existsBy(UnitEntity, { code: dto.code })) {
        throw new ConflictException(`unit "${dto.code}" already exists`);
      }
      const unit = manager.create(UnitEntity, { code: dto.code, revision: 1, ...this.columns(dto, actor) });
      await manager.insert(UnitEntity, unit);
      return this.publish(manager, unit, correlationId);
    });
  }

  async update(code: string, dto: UnitDetailsDto, actor: Staff, correlationId: string): Promise<UnitView> {
    return this.dataSource.transaction(async (manager) => {
      const unit = await manager.findOne(UnitEntity, { where: { code }, lock: { mode: 'pessimistic_write' } });
      if (!unit) throw new NotFoundException(`unit "${code}" not found`);
      const columns = this.columns(dto, actor, unit.active);
      if (code === directorySeed.triageUnitCode && (columns.kind !== 'triage' || !columns.active)) {
        throw badRequestFor([
          { field: 'kind', rule: 'triageStays', message: 'the triage desk must stay an active unit of kind "triage"' },
        ]);
      }
      Object.assign(unit, columns, { revision: unit.revision + 1 });
      await manager.save(UnitEntity, unit);
      return this.publish(manager, unit, correlationId);
    });
  }

  private columns(dto: UnitDetailsDto, actor: Staff, active = true) {
    return {
      kind: dto.kind,
      nameKk: dto.nameKk,
      nameRu: dto.nameRu,
      headName: dto.head.name,
      headPosition: dto.head.position,
      headPhone: dto.head.phone,
      headEmail: dto.head.email,
      headLanguage: dto.head.language,
      active: dto.active ?? active,
      updatedBy: staffLabel(actor),
    };
  }

  private async publish(manager: EntityManager, unit: UnitEntity, correlationId: string): Promise<UnitView> {
    const saved = await manager.findOneByOrFail(UnitEntity, { code: unit.code });
    await bumpRoutingRevision(manager);
    await this.outbox.add(manager, unitChangedEvent(saved, { producer: this.config.serviceName, correlationId }));
    // Who changed the directory, committed with the change.
    await this.trail.storeWithin(manager);
    return toUnitView(saved);
  }
}
