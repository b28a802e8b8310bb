import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** An event waiting to be published; written in the same transaction as the state change. */
@Entity({ name: 'outbox_events' })
@Index('idx_outbox_events_unsent', ['position'], { where: 'sent_at IS NULL' })
export class OutboxEventEntity {
  /** The event id, unique forever. */
  @PrimaryColumn('uuid')
  id!: string;

  /** Publication order: one appeal's events leave in the order they were written. */
  @Column({ type: 'bigint', insert: false, update: false })
  position!: string;

  /** Logical topic (without the environment prefix). */
  @Column('text')
  topic!: string;

  @Column('text')
  key!: string;

  @Column('text')
  type!: string;

  @Column('jsonb')
  payload!: object;

  @Column({ name: 'correlation_id', type: 'text' })
  correlationId!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;
}
