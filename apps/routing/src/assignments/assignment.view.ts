import { UnitEntity } from '../directory/unit.entity';
import { toUnitRef } from '../directory/unit.view';
import { AssignmentEntity } from './assignment.entity';

export interface HistoryRow {
  kind: 'routed' | 'reassigned';
  unit_code: string;
  from_unit_code: string | null;
  rule_id: string | null;
  rule_version: number | null;
  rule_name: string | null;
  reason: string;
  actor_name: string | null;
  actor_position: string | null;
  decided_at: Date;
}

const ruleOf = (id: string | null, version: number | null, name: string | null) =>
  id && version ? { id, version, name } : null;

/** Where the appeal is, why, and every decision that brought it there, oldest first. */
export function toAssignmentView(assignment: AssignmentEntity, unit: UnitEntity, history: HistoryRow[]) {
  const current = history.at(-1);
  return {
    appealId: assignment.appealId,
    registrationNumber: assignment.registrationNumber,
    category: assignment.category,
    unitCode: assignment.unitCode,
    unit: toUnitRef(unit),
    reason: assignment.reason,
    rule: ruleOf(assignment.ruleId, assignment.ruleVersion, current?.rule_name ?? null),
    routedAt: assignment.routedAt.toISOString(),
    answerRequired: assignment.answerRequired,
    deadlinesFrom: assignment.deadlinesFrom.toISOString(),
    history: history.map((row) => ({
      kind: row.kind,
      unitCode: row.unit_code,
      fromUnitCode: row.from_unit_code,
      rule: ruleOf(row.rule_id, row.rule_version, row.rule_name),
      reason: row.reason,
      actor: row.actor_name ? { name: row.actor_name, position: row.actor_position ?? undefined } : null,
      at: new Date(row.decided_at).toISOString(),
    })),
  };
}

export type AssignmentView = ReturnType<typeof toAssignmentView>;
