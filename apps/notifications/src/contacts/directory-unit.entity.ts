import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Head } from '@akimat/contracts';

/** This service's copy of a directory unit, at the newest revision it has seen. */
@Entity({ name: 'directory_units' })
export class DirectoryUnitEntity {
  @PrimaryColumn('text')
  code!: string;

  @Column('text')
  kind!: string;

  @Column({ name: 'name_kk', type: 'text' })
  nameKk!: string;

  @Column({ name: 'name_ru', type: 'text' })
  nameRu!: string;

  @Column('jsonb')
  head!: Head;

  @Column('boolean')
  active!: boolean;

  @Column('int')
  revision!: number;

  @Column({ name: 'changed_at', type: 'timestamptz' })
  changedAt!: Date;
}
