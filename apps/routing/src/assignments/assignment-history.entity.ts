import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type AssignmentChange = 'routed' | 'reassigned';

/** One decision about an appeal's unit: the first routing or a reassignment, with who and why. */
@Entity({ name: 'assignment_history' })
export class AssignmentHistoryEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'appeal_id', type: 'uuid' })
  appealId!: string;

  @Column('text')
  kind!: AssignmentChange;

  @Column({ name: 'unit_code', type: 'text' })
  unitCode!: string;

  @Column({ name: 'from_unit_code', type: 'text', nullable: true })
  fromUnitCode!: string | null;

  @Column({ name: 'rule_id', type: 'uuid', nullable: true })
  ruleId!: string | null;

  @Column({ name: 'rule_version', type: 'integer', nullable: true })
  ruleVersion!: number | null;

  @Column('text')
  reason!: string;

  @Column({ name: 'actor_name', type: 'text', nullable: true })
  actorName!: string | null;

  @Column({ name: 'actor_position', type: 'text', nullable: true })
  actorPosition!: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz' })
  decidedAt!: Date;
}
