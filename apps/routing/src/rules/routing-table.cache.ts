import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { compileRoutingTable, RoutingTable } from '../assignments/routing-decision';
import { directorySeed } from '../directory/directory-seed';
import { UnitEntity } from '../directory/unit.entity';
import { RoutingRuleEntity } from './routing-rule.entity';

export interface RoutingSnapshot {
  revision: string;
  table: RoutingTable;
  units: ReadonlyMap<string, UnitEntity>;
}

/** Every rule or unit change moves this counter, in the change's own transaction. */
export async function bumpRoutingRevision(manager: EntityManager): Promise<void> {
  await manager.query('UPDATE routing_table_state SET revision = revision + 1');
}

/**
 * The compiled rules and the directory, held in memory so a decision costs no rule queries.
 * Before each decision one primary-key read of `routing_table_state.revision` tells whether any
 * instance changed a rule or unit since; if so the snapshot is rebuilt. Reading it in the
 * decision's transaction means a decision never uses rules older than the last committed change.
 */
@Injectable()
export class RoutingTableCache {
  private snapshot?: RoutingSnapshot;

  async current(manager: EntityManager): Promise<RoutingSnapshot> {
    const [{ revision }] = await manager.query<{ revision: string }[]>('SELECT revision FROM routing_table_state');
    if (this.snapshot?.revision === revision) return this.snapshot;
    const units = await manager.find(UnitEntity);
    const rules = await manager.find(RoutingRuleEntity);
    const activeCodes = units.filter((unit) => unit.active).map((unit) => unit.code);
    this.snapshot = {
      revision,
      table: compileRoutingTable(rules, activeCodes, directorySeed.triageUnitCode),
      units: new Map(units.map((unit) => [unit.code, unit])),
    };
    return this.snapshot;
  }
}
