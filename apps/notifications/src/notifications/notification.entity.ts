import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, Unique } from 'typeorm';
import { Language } from '@akimat/contracts';

export type NotificationChannel = 'in_app';

/** A notice sent (or shown in-app) to one recipient about one event. */
@Entity({ name: 'notifications' })
@Unique('uq_notifications_event_recipient_channel', ['eventId', 'recipient', 'channel'])
@Index('idx_notifications_appeal_id', ['appealId'])
export class NotificationEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId!: string;

  @Column({ name: 'appeal_id', type: 'uuid' })
  appealId!: string;

  /** The head's email, or `unit:<code>` when the directory has none. */
  @Column('text')
  recipient!: string;

  @Column({ name: 'recipient_name', type: 'text' })
  recipientName!: string;

  @Column('text')
  channel!: NotificationChannel;

  @Column('text')
  language!: Language;

  @Column('text')
  subject!: string;

  @Column('text')
  body!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
