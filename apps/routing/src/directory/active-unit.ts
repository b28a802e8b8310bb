import { EntityManager } from 'typeorm';
import { badRequestFor } from '@akimat/service-kit';
import { UnitEntity } from './unit.entity';

/** The unit a request names as its target: 400 on `targetUnitCode` unless it exists and is active. */
export async function requireActiveUnit(manager: EntityManager, code: string): Promise<UnitEntity> {
  const unit = await manager.findOneBy(UnitEntity, { code });
  if (unit?.active) return unit;
  const why = unit ? 'is not active' : 'is not in the directory';
  throw badRequestFor([{ field: 'targetUnitCode', rule: 'activeUnit', message: `unit "${code}" ${why}` }]);
}
