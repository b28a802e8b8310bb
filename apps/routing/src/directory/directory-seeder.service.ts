import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { OutboxService, SERVICE_CONFIG, ServiceConfig } from '@akimat/service-kit';
import { RoutingRuleVersionEntity } from '../rules/routing-rule-version.entity';
import { RoutingRuleEntity } from '../rules/routing-rule.entity';
import { bumpRoutingRevision } from '../rules/routing-table.cache';
import { directorySeed } from './directory-seed';
import { UnitEntity } from './unit.entity';
import { unitChangedEvent } from './unit.view';

const SEEDED_BY = 'seed: makhambet-directory.json';

/**
 * Loads the demo directory and default rules on start-up. Existing rows are left alone, so edits
 * made later survive restarts, and any number of instances may seed at once. Only units this run
 * really inserted are published, so other services get the initial copy exactly once.
 */
@Injectable()
export class DirectorySeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger(DirectorySeeder.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const units = await this.seedUnits(manager);
      const rules = await this.seedRules(manager);
      if (units.length + rules > 0) await bumpRoutingRevision(manager);
      const origin = { producer: this.config.serviceName, correlationId: 'directory-seed' };
      await this.outbox.add(manager, ...units.map((unit) => unitChangedEvent(unit, origin)));
      this.logger.log({ msg: 'directory seeded', newUnits: units.length, newRules: rules });
    });
  }

  private async seedUnits(manager: EntityManager): Promise<UnitEntity[]> {
    const inserted = await manager
      .createQueryBuilder()
      .insert()
      .into(UnitEntity)
      .values(
        directorySeed.units.map((unit) => ({
          code: unit.code,
          kind: unit.kind,
          nameKk: unit.nameKk,
          nameRu: unit.nameRu,
          headName: unit.head.name,
          headPosition: unit.head.position,
          headPhone: unit.head.phone ?? null,
          headEmail: unit.head.email ?? null,
          headLanguage: unit.head.language,
          active: true,
          revision: 1,
          updatedBy: SEEDED_BY,
        })),
      )
      .orIgnore()
      .returning(['code'])
      .execute();
    const codes = (inserted.raw as { code: string }[]).map((row) => row.code);
    return codes.length === 0
      ? []
      : manager.find(UnitEntity, { where: codes.map((code) => ({ code })), order: { code: 'ASC' } });
  }

  private async seedRules(manager: EntityManager): Promise<number> {
    const rules = directorySeed.rules.map((rule) => ({ ...rule, enabled: true, version: 1 }));
    const inserted = await manager
      .createQueryBuilder()
      .insert()
      .into(RoutingRuleEntity)
      .values(rules)
      .orIgnore()
      .returning(['id'])
      .execute();
    const ids = new Set((inserted.raw as { id: string }[]).map((row) => row.id));
    const versions = rules
      .filter((rule) => ids.has(rule.id))
      .map(({ id, ...rule }) => ({ ...rule, ruleId: id, changedBy: SEEDED_BY, changedAt: new Date() }));
    if (versions.length > 0) await manager.insert(RoutingRuleVersionEntity, versions);
    return versions.length;
  }
}
