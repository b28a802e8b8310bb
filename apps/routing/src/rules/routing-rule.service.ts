import { Injectable, NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import type { Staff } from '@akimat/contracts';
import { AuditTrail, badRequestFor, staffLabel } from '@akimat/service-kit';
import { requireActiveUnit } from '../directory/active-unit';
import { RuleDto } from './dto/rule.dto';
import { RoutingRuleVersionEntity } from './routing-rule-version.entity';
import { RoutingRuleEntity } from './routing-rule.entity';
import { bumpRoutingRevision } from './routing-table.cache';
import { RuleView, toRuleVersionView, toRuleView } from './rule.view';

/** Routing rules. Every change is a new version, kept, so a past decision can always be explained. */
@Injectable()
export class RoutingRuleService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly trail: AuditTrail,
  ) {}

  async list(): Promise<RuleView[]> {
    const rules = await this.dataSource
      .getRepository(RoutingRuleEntity)
      .find({ order: { priority: 'ASC', name: 'ASC' } });
    return rules.map(toRuleView);
  }

  async get(id: string) {
    const rule = await this.dataSource.getRepository(RoutingRuleEntity).findOneBy({ id });
    if (!rule) throw new NotFoundException(`rule ${id} not found`);
    const versions = await this.dataSource
      .getRepository(RoutingRuleVersionEntity)
      .find({ where: { ruleId: id }, order: { version: 'DESC' } });
    return { ...toRuleView(rule), versions: versions.map(toRuleVersionView) };
  }

  async create(dto: RuleDto, actor: Staff): Promise<RuleView> {
    return this.dataSource.transaction(async (manager) => {
      await this.assertUsable(manager, dto);
      const rule = manager.create(RoutingRuleEntity, { id: randomUUID(), version: 1, ...this.columns(dto) });
      await manager.insert(RoutingRuleEntity, rule);
      return this.recordVersion(manager, rule.id, actor);
    });
  }

  async replace(id: string, dto: RuleDto, actor: Staff): Promise<RuleView> {
    return this.dataSource.transaction(async (manager) => {
      const rule = await this.lock(manager, id);
      await this.assertUsable(manager, dto);
      await manager.update(RoutingRuleEntity, { id }, { ...this.columns(dto), version: rule.version + 1 });
      return this.recordVersion(manager, id, actor);
    });
  }

  async setEnabled(id: string, enabled: boolean, actor: Staff): Promise<RuleView> {
    return this.dataSource.transaction(async (manager) => {
      const rule = await this.lock(manager, id);
      if (rule.enabled === enabled) return toRuleView(rule);
      await manager.update(RoutingRuleEntity, { id }, { enabled, version: rule.version + 1 });
      return this.recordVersion(manager, id, actor);
    });
  }

  private async lock(manager: EntityManager, id: string): Promise<RoutingRuleEntity> {
    const rule = await manager.findOne(RoutingRuleEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!rule) throw new NotFoundException(`rule ${id} not found`);
    return rule;
  }

  private async assertUsable(manager: EntityManager, dto: RuleDto): Promise<void> {
    await requireActiveUnit(manager, dto.targetUnitCode);
    const { categories = [], localities = [], keywords = [], channels = [] } = dto;
    if (categories.length + localities.length + keywords.length + channels.length === 0) {
      throw badRequestFor([
        { field: 'conditions', rule: 'atLeastOne', message: 'a rule needs a category, locality, keyword or channel' },
      ]);
    }
  }

  private columns(dto: RuleDto | RoutingRuleEntity) {
    return {
      name: dto.name,
      priority: dto.priority,
      enabled: dto.enabled ?? true,
      categories: dto.categories ?? [],
      localities: dto.localities ?? [],
      keywords: dto.keywords ?? [],
      channels: dto.channels ?? [],
      targetUnitCode: dto.targetUnitCode,
    };
  }

  /** Appends the rule's new version, as now stored, and tells every instance's cache. */
  private async recordVersion(manager: EntityManager, id: string, actor: Staff): Promise<RuleView> {
    const rule = await manager.findOneByOrFail(RoutingRuleEntity, { id });
    await manager.insert(RoutingRuleVersionEntity, {
      ruleId: rule.id,
      version: rule.version,
      ...this.columns(rule),
      changedAt: rule.updatedAt,
      changedBy: staffLabel(actor),
    });
    await bumpRoutingRevision(manager);
    // Who changed the rule, committed with the change.
    await this.trail.storeWithin(manager);
    return toRuleView(rule);
  }
}
