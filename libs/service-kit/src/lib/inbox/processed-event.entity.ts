import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** An event whose effect is committed; stored in the effect's own transaction. */
@Entity({ name: 'processed_events' })
export class ProcessedEventEntity {
  @PrimaryColumn({ name: 'event_id', type: 'uuid' })
  eventId!: string;

  @Column('text')
  type!: string;

  @CreateDateColumn({ name: 'processed_at', type: 'timestamptz' })
  processedAt!: Date;
}
