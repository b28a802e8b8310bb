import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { RuleColumns } from './rule-columns';

/** The current version of a routing rule; every version is also kept in routing_rule_versions. */
@Entity({ name: 'routing_rules' })
export class RoutingRuleEntity extends RuleColumns {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('integer')
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
