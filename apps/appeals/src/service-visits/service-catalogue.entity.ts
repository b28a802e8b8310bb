import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The walk-in services the office renders, per sector; data, so the list can grow without code. */
@Entity({ name: 'service_catalogue' })
export class ServiceCatalogueEntity {
  @PrimaryColumn('text')
  sector!: string;

  @PrimaryColumn('text')
  code!: string;

  @Column({ name: 'name_kk', type: 'text' })
  nameKk!: string;

  @Column({ name: 'name_ru', type: 'text' })
  nameRu!: string;

  @Column({ type: 'boolean', default: true })
  active!: boolean;
}
