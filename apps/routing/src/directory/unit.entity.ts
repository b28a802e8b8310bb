import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { Language, UnitKind } from '@akimat/contracts';

/** A department, a rural district or the triage desk, with the head who answers for it. */
@Entity({ name: 'units' })
export class UnitEntity {
  @PrimaryColumn('text')
  code!: string;

  @Column('text')
  kind!: UnitKind;

  @Column({ name: 'name_kk', type: 'text' })
  nameKk!: string;

  @Column({ name: 'name_ru', type: 'text' })
  nameRu!: string;

  @Column({ name: 'head_name', type: 'text' })
  headName!: string;

  @Column({ name: 'head_position', type: 'text' })
  headPosition!: string;

  @Column({ name: 'head_phone', type: 'text', nullable: true })
  headPhone!: string | null;

  @Column({ name: 'head_email', type: 'text', nullable: true })
  headEmail!: string | null;

  @Column({ name: 'head_language', type: 'text' })
  headLanguage!: Language;

  /** An inactive unit receives no new appeals; rules naming it are skipped. */
  @Column('boolean')
  active!: boolean;

  /** 1 when created, +1 on every change; `directory.unit_changed` carries it. */
  @Column('integer')
  revision!: number;

  @Column({ name: 'updated_by', type: 'text', nullable: true })
  updatedBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
