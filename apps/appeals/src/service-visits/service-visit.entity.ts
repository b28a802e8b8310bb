import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A walk-in state service rendered at the office (EDS, a certificate, land advice…). */
@Entity({ name: 'service_visits' })
export class ServiceVisitEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  sector!: string;

  @Column('text')
  service!: string;

  @Column({ name: 'rendered_at', type: 'timestamptz' })
  renderedAt!: Date;

  @Column({ name: 'rendered_by_name', type: 'text' })
  renderedByName!: string;

  @Column({ name: 'rendered_by_position', type: 'text', nullable: true })
  renderedByPosition!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
