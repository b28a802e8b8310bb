import { Column, Entity, PrimaryColumn } from 'typeorm';
import { RuleColumns } from './rule-columns';

/** One version of a rule as it was; append-only, so a decision's explanation can always be traced. */
@Entity({ name: 'routing_rule_versions' })
export class RoutingRuleVersionEntity extends RuleColumns {
  @PrimaryColumn({ name: 'rule_id', type: 'uuid' })
  ruleId!: string;

  @PrimaryColumn('integer')
  version!: number;

  @Column({ name: 'changed_by', type: 'text' })
  changedBy!: string;

  @Column({ name: 'changed_at', type: 'timestamptz' })
  changedAt!: Date;
}
