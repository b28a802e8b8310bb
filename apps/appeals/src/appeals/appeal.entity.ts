import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { Deadline } from '@akimat/contracts';
import type { AppealStatus } from '../lifecycle/appeal-lifecycle';

/** The appeal card: what the resident asked, who they are, and where it stands. */
@Entity({ name: 'appeals' })
@Index('idx_appeals_registered_at', ['registeredAt'])
@Index('idx_appeals_inbox', ['assignedUnitCode', 'status', 'nextDueAt'])
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

  @Column({ name: 'received_by_name', type: 'text', nullable: true })
  receivedByName!: string | null;

  @Column({ name: 'received_by_position', type: 'text', nullable: true })
  receivedByPosition!: string | null;

  @Column({ name: 'reception_session_id', type: 'uuid', nullable: true })
  receptionSessionId!: string | null;

  /** An anonymous appeal about a crime or a threat to public safety still runs the answer clocks. */
  @Column({ name: 'concerns_public_safety', type: 'boolean', default: false })
  concernsPublicSafety!: boolean;

  @Column({ name: 'answer_required', type: 'boolean', default: true })
  answerRequired!: boolean;

  @Column({ name: 'registered_at', type: 'timestamptz' })
  registeredAt!: Date;

  /** The office day of registration: the same day, or the next working day after hours (Art. 64). */
  @Column({ name: 'registration_date', type: 'date' })
  registrationDate!: string;

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

  /** Every answer clock routing published for the appeal. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  deadlines!: Deadline[];

  @Column({ name: 'brief_due_at', type: 'timestamptz', nullable: true })
  briefDueAt!: Date | null;

  @Column({ name: 'full_due_at', type: 'timestamptz', nullable: true })
  fullDueAt!: Date | null;

  /** The due time of the answer the unit owes next; drives the inbox order and "overdue". */
  @Column({ name: 'next_due_at', type: 'timestamptz', nullable: true })
  nextDueAt!: Date | null;

  @Column({ name: 'last_full_answer_at', type: 'timestamptz', nullable: true })
  lastFullAnswerAt!: Date | null;

  @Column({ name: 'forwarded_to', type: 'text', nullable: true })
  forwardedTo!: string | null;

  @Column({ name: 'feedback_rating', type: 'smallint', nullable: true })
  feedbackRating!: number | null;

  @Column({ name: 'feedback_comment', type: 'text', nullable: true })
  feedbackComment!: string | null;

  @Column({ name: 'feedback_at', type: 'timestamptz', nullable: true })
  feedbackAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
