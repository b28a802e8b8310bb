import { buildEnvelope } from '@akimat/contracts';
import { UnitEntity } from './unit.entity';

/** A unit as the API shows it. */
export function toUnitView(unit: UnitEntity) {
  return {
    code: unit.code,
    kind: unit.kind,
    nameKk: unit.nameKk,
    nameRu: unit.nameRu,
    head: toHead(unit),
    active: unit.active,
    revision: unit.revision,
    updatedAt: unit.updatedAt.toISOString(),
  };
}

export type UnitView = ReturnType<typeof toUnitView>;

export const toUnitRef = (unit: UnitEntity) => ({ code: unit.code, nameKk: unit.nameKk, nameRu: unit.nameRu });

export function toHead(unit: UnitEntity) {
  return {
    name: unit.headName,
    position: unit.headPosition,
    phone: unit.headPhone ?? undefined,
    email: unit.headEmail ?? undefined,
    language: unit.headLanguage,
  };
}

/** `directory.unit_changed` with the whole unit, so other services can keep their own copy. */
export function unitChangedEvent(unit: UnitEntity, origin: { producer: string; correlationId: string }) {
  return buildEnvelope(
    'directory.unit_changed',
    {
      ...toUnitRef(unit),
      kind: unit.kind,
      head: toHead(unit),
      active: unit.active,
      revision: unit.revision,
      changedAt: unit.updatedAt.toISOString(),
    },
    { ...origin, subject: unit.code },
  );
}
