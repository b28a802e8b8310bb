import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One aggregate, e.g. (registered, category, housing) = 42. */
@Entity({ name: 'counters' })
export class CounterEntity {
  @PrimaryColumn('text')
  metric!: string;

  @PrimaryColumn('text')
  dimension!: string;

  @PrimaryColumn('text')
  key!: string;

  /** bigint: the pg driver returns it as a string. */
  @Column('bigint')
  value!: string;
}
