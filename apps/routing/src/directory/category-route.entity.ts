import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Which unit answers a category by default. */
@Entity({ name: 'category_routes' })
export class CategoryRouteEntity {
  @PrimaryColumn('text')
  category!: string;

  @Column({ name: 'unit_code', type: 'text' })
  unitCode!: string;
}
