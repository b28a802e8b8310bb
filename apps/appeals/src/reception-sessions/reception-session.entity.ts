import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export const OFFICIAL_POSITIONS = ['akim', 'deputy_akim', 'chief_of_staff'] as const;
export type OfficialPosition = (typeof OFFICIAL_POSITIONS)[number];

/** An open-dialogue reception: who receives residents, when and where. */
@Entity({ name: 'reception_sessions' })
export class ReceptionSessionEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'official_name', type: 'text' })
  officialName!: string;

  @Column({ name: 'official_position', type: 'text' })
  officialPosition!: OfficialPosition;

  @Column('text')
  place!: string;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt!: Date;

  @Column({ name: 'ends_at', type: 'timestamptz', nullable: true })
  endsAt!: Date | null;

  @Column({ name: 'opened_by', type: 'text' })
  openedBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
