import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, Unique, UpdateDateColumn } from 'typeorm';
import { Language } from '@akimat/contracts';
import { Audience, Channel, NoticeKind } from '../notices/notice';

export type DeliveryStatus = 'queued' | 'retrying' | 'sent' | 'failed';

/** One notice to one recipient over one channel; in-app rows are `sent` when written. */
@Entity({ name: 'deliveries' })
@Unique('uq_deliveries_event_kind_recipient_channel', ['eventId', 'kind', 'recipient', 'channel'])
@Index('idx_deliveries_appeal_id', ['appealId'])
export class DeliveryEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId!: string;

  @Column({ name: 'appeal_id', type: 'uuid' })
  appealId!: string;

  @Column('text')
  kind!: NoticeKind;

  @Column('text')
  audience!: Audience;

  /** Inbox key, e-mail address or phone number, depending on the channel. */
  @Column('text')
  recipient!: string;

  @Column({ name: 'recipient_name', type: 'text' })
  recipientName!: string;

  @Column('text')
  channel!: Channel;

  @Column('text')
  language!: Language;

  @Column('text')
  subject!: string;

  @Column('text')
  body!: string;

  @Column('text')
  status!: DeliveryStatus;

  @Column('int')
  attempts!: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  /** Not sent before this instant (quiet hours for SMS to residents). */
  @Column({ name: 'deliver_after', type: 'timestamptz', nullable: true })
  deliverAfter!: Date | null;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  /** The correlation id of the event that caused it (logged when it is sent or fails). */
  @Column({ name: 'correlation_id', type: 'text', nullable: true })
  correlationId!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
