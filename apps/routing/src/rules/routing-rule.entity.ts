import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** The current version of a routing rule; every version is also kept in routing_rule_versions. */
@Entity({ name: 'routing_rules' })
export class RoutingRuleEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  name!: string;

  /** Lower runs first; ties are broken by name. */
  @Column('integer')
  priority!: number;

  @Column('boolean')
  enabled!: boolean;

  @Column('integer')
  version!: number;

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

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
