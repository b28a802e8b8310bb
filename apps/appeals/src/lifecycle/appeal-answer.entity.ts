import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { AnswerOutcome } from '@akimat/contracts';

export type AnswerKind = 'brief' | 'full';

/** A brief or full answer; a reopened appeal gets a further full answer, so there may be several. */
@Entity({ name: 'appeal_answers' })
export class AppealAnswerEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'appeal_id', type: 'uuid' })
  appealId!: string;

  @Column('text')
  kind!: AnswerKind;

  @Column('text')
  text!: string;

  @Column({ name: 'author_name', type: 'text' })
  authorName!: string;

  @Column({ name: 'author_position', type: 'text', nullable: true })
  authorPosition!: string | null;

  @Column({ name: 'answered_at', type: 'timestamptz' })
  answeredAt!: Date;

  @Column({ name: 'due_at', type: 'timestamptz', nullable: true })
  dueAt!: Date | null;

  @Column({ name: 'on_time', type: 'boolean', nullable: true })
  onTime!: boolean | null;

  @Column({ type: 'text', nullable: true })
  outcome!: AnswerOutcome | null;

  @Column({ name: 'refusal_reasons', type: 'text', nullable: true })
  refusalReasons!: string | null;
}
