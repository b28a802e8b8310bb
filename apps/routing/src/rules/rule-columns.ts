import { Column } from 'typeorm';

/** What a rule says, shared by the current rule and each kept version of it. */
export abstract class RuleColumns {
  @Column('text')
  name!: string;

  /** Lower runs first; ties are broken by name. */
  @Column('integer')
  priority!: number;

  @Column('boolean')
  enabled!: boolean;

  @Column('text', { array: true })
  categories!: string[];

  @Column('text', { array: true })
  localities!: string[];

  @Column('text', { array: true })
  keywords!: string[];

  @Column('text', { array: true })
  channels!: string[];

  @Column({ name: 'target_unit_code', type: 'text' })
  targetUnitCode!: string;
}
