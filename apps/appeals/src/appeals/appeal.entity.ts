import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export type AppealStatus = 'registered' | 'routed';

/** The appeal card: what the resident asked, who they are, and where it stands. */
@Entity({ name: 'appeals' })
@Index('idx_appeals_registered_at', ['registeredAt'])
export class AppealEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'registration_number', type: 'text', unique: true })
  registrationNumber!: string;

  @Column({ name: 'tracking_code', type: 'text', unique: true })
  trackingCode!: string;

  @Column('text')
  status!: AppealStatus;

  @Column('text')
  category!: string;

  @Column('text')
  channel!: string;

  @Column('text')
  text!: string;

  @Column('boolean')
  anonymous!: boolean;

  @Column({ name: 'resident_name', type: 'text', nullable: true })
  residentName!: string | null;

  @Column({ name: 'resident_iin', type: 'text', nullable: true })
  residentIin!: string | null;

  @Column({ name: 'resident_phone', type: 'text', nullable: true })
  residentPhone!: string | null;

  @Column({ name: 'resident_email', type: 'text', nullable: true })
  residentEmail!: string | null;

  @Column({ name: 'resident_language', type: 'text' })
  residentLanguage!: 'kk' | 'ru';

  @Column({ type: 'text', nullable: true })
  locality!: string | null;

  @Column({ name: 'preferred_unit_code', type: 'text', nullable: true })
  preferredUnitCode!: string | null;

  @Column({ name: 'received_by', type: 'text', nullable: true })
  receivedBy!: string | null;

  @Column({ name: 'registered_at', type: 'timestamptz' })
  registeredAt!: Date;

  @Column({ name: 'assigned_unit_code', type: 'text', nullable: true })
  assignedUnitCode!: string | null;

  @Column({ name: 'assigned_unit_name_kk', type: 'text', nullable: true })
  assignedUnitNameKk!: string | null;

  @Column({ name: 'assigned_unit_name_ru', type: 'text', nullable: true })
  assignedUnitNameRu!: string | null;

  @Column({ name: 'assignment_reason', type: 'text', nullable: true })
  assignmentReason!: string | null;

  @Column({ name: 'routed_at', type: 'timestamptz', nullable: true })
  routedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
