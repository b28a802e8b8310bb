import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { UnitEntity } from '../directory/unit.entity';
import { AssignmentEntity } from './assignment.entity';
import { AssignmentView, ClockViewRow, HistoryRow, toAssignmentView } from './assignment.view';

@Injectable()
export class AssignmentQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** The explanation of an appeal's assignment, with the rule names as they were at each decision. */
  async explain(appealId: string): Promise<AssignmentView> {
    const assignment = await this.dataSource.getRepository(AssignmentEntity).findOneBy({ appealId });
    if (!assignment) throw new NotFoundException(`no assignment for appeal ${appealId} yet`);
    const unit = await this.dataSource.getRepository(UnitEntity).findOneByOrFail({ code: assignment.unitCode });
    const history = await this.dataSource.query<HistoryRow[]>(
      `SELECT h.kind, h.unit_code, h.from_unit_code, h.rule_id, h.rule_version, v.name AS rule_name,
              h.reason, h.actor_name, h.actor_position, h.decided_at
         FROM assignment_history h
         LEFT JOIN routing_rule_versions v ON v.rule_id = h.rule_id AND v.version = h.rule_version
        WHERE h.appeal_id = $1
        ORDER BY h.id`,
      [appealId],
    );
    const clocks = await this.dataSource.query<ClockViewRow[]>(
      `SELECT kind, reminder, due_at, fire_at, state FROM deadline_clocks WHERE appeal_id = $1 ORDER BY fire_at, id`,
      [appealId],
    );
    return toAssignmentView(assignment, unit, history, clocks);
  }
}
