import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { DeadlineKind } from '@akimat/contracts';

export type ClockState = 'pending' | 'fired' | 'cancelled';

/** One clock: a reminder before a due time, or the due time itself (`reminder = 'due'`). */
@Entity({ name: 'deadline_clocks' })
@Unique('uq_deadline_clocks_clock', ['appealId', 'kind', 'reminder', 'dueAt'])
@Index('idx_deadline_clocks_pending', ['fireAt', 'id'], { where: `state = 'pending'` })
export class DeadlineClockEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'appeal_id', type: 'uuid' })
  appealId!: string;

  @Column('text')
  kind!: DeadlineKind;

  @Column('text')
  reminder!: string;

  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt!: Date;

  @Column({ name: 'fire_at', type: 'timestamptz' })
  fireAt!: Date;

  @Column({ type: 'text', default: 'pending' })
  state!: ClockState;

  @Column({ name: 'fired_at', type: 'timestamptz', nullable: true })
  firedAt!: Date | null;

  /** When its answer came or it moved (a pending clock is then `cancelled`; a fired one stays `fired`). */
  @Column({ name: 'stopped_at', type: 'timestamptz', nullable: true })
  stoppedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
