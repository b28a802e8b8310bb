import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** Where an appeal is now and why. One row per appeal; every decision is in assignment_history. */
@Entity({ name: 'assignments' })
export class AssignmentEntity {
  @PrimaryColumn({ name: 'appeal_id', type: 'uuid' })
  appealId!: string;

  @Column({ name: 'registration_number', type: 'text' })
  registrationNumber!: string;

  /** The registering request's correlation id; the events the appeal's clocks fire carry it. */
  @Column({ name: 'correlation_id', type: 'text', nullable: true })
  correlationId!: string | null;

  @Column('text')
  category!: string;

  @Column({ name: 'unit_code', type: 'text' })
  unitCode!: string;

  @Column('text')
  reason!: string;

  @Column({ name: 'rule_id', type: 'uuid', nullable: true })
  ruleId!: string | null;

  @Column({ name: 'rule_version', type: 'integer', nullable: true })
  ruleVersion!: number | null;

  @Column({ name: 'registered_at', type: 'timestamptz' })
  registeredAt!: Date;

  /** Passed through from appeal.registered for the timers (false: no answer clocks run). */
  @Column({ name: 'answer_required', type: 'boolean' })
  answerRequired!: boolean;

  /** Where the answer clocks count from: registration, or the last reassignment if configured so. */
  @Column({ name: 'deadlines_from', type: 'timestamptz' })
  deadlinesFrom!: Date;

  @Column({ name: 'routed_at', type: 'timestamptz' })
  routedAt!: Date;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
