import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One thing that happened to an appeal. `details` holds only what a resident may see
 * (unit names, due times, the forwarding body) — never IIN, phone or answers' authors' contacts.
 */
@Entity({ name: 'appeal_timeline' })
export class TimelineEntryEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'appeal_id', type: 'uuid' })
  appealId!: string;

  @Column({ type: 'timestamptz' })
  at!: Date;

  @Column('text')
  kind!: string;

  @Column({ name: 'actor_name', type: 'text', nullable: true })
  actorName!: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  details!: object;
}
