import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One version of a rule as it was; append-only, so a decision's explanation can always be traced. */
@Entity({ name: 'routing_rule_versions' })
export class RoutingRuleVersionEntity {
  @PrimaryColumn({ name: 'rule_id', type: 'uuid' })
  ruleId!: string;

  @PrimaryColumn('integer')
  version!: number;

  @Column('text')
  name!: string;

  @Column('integer')
  priority!: number;

  @Column('boolean')
  enabled!: boolean;

  @Column('text', { array: true })
  categories!: string[];

  @Column('text', { array: true })
  localities!: string[];

  @Column('text', { array: true })
  keywords!: string[];

  @Column('text', { array: true })
  channels!: string[];

  @Column({ name: 'target_unit_code', type: 'text' })
  targetUnitCode!: string;

  @Column({ name: 'changed_by', type: 'text' })
  changedBy!: string;

  @Column({ name: 'changed_at', type: 'timestamptz' })
  changedAt!: Date;
}
