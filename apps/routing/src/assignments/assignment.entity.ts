import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** Where an appeal was sent and why. One row per appeal. */
@Entity({ name: 'assignments' })
export class AssignmentEntity {
  @PrimaryColumn({ name: 'appeal_id', type: 'uuid' })
  appealId!: string;

  @Column({ name: 'registration_number', type: 'text' })
  registrationNumber!: string;

  @Column('text')
  category!: string;

  @Column({ name: 'unit_code', type: 'text' })
  unitCode!: string;

  @Column('text')
  reason!: string;

  @Column({ name: 'routed_at', type: 'timestamptz' })
  routedAt!: Date;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
