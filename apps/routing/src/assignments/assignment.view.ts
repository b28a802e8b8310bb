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

export interface ClockViewRow {
  kind: string;
  reminder: string;
  due_at: Date;
  fire_at: Date;
  state: string;
}

const ruleOf = (id: string | null, version: number | null, name: string | null) =>
  id && version ? { id, version, name } : null;

/** Where the appeal is, why, every decision that brought it there, and all its clocks, oldest first. */
export function toAssignmentView(
  assignment: AssignmentEntity,
  unit: UnitEntity,
  history: HistoryRow[],
  clocks: ClockViewRow[],
) {
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
    /** Every answer clock: due times (`reminder: "due"`) and the reminders before them. */
    clocks: clocks.map((clock) => ({
      kind: clock.kind,
      reminder: clock.reminder,
      dueAt: new Date(clock.due_at).toISOString(),
      fireAt: new Date(clock.fire_at).toISOString(),
      state: clock.state,
    })),
  };
}

export type AssignmentView = ReturnType<typeof toAssignmentView>;
