import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { Language } from '@akimat/contracts';

/** The resident's contact from `appeal.registered`: later events about the appeal do not carry it. */
@Entity({ name: 'appeal_residents' })
export class AppealResidentEntity {
  @PrimaryColumn({ name: 'appeal_id', type: 'uuid' })
  appealId!: string;

  @Column({ name: 'registration_number', type: 'text' })
  registrationNumber!: string;

  @Column('text')
  name!: string;

  @Column({ type: 'text', nullable: true })
  email!: string | null;

  @Column({ type: 'text', nullable: true })
  phone!: string | null;

  @Column('text')
  language!: Language;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
