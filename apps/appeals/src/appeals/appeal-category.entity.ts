import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The category catalogue is data: new categories are rows, not code. */
@Entity({ name: 'appeal_categories' })
export class AppealCategoryEntity {
  @PrimaryColumn('text')
  code!: string;

  @Column({ name: 'name_kk', type: 'text' })
  nameKk!: string;

  @Column({ name: 'name_ru', type: 'text' })
  nameRu!: string;

  @Column({ type: 'boolean', default: true })
  active!: boolean;
}
