import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CategoryRouteEntity } from './category-route.entity';
import { directorySeed } from './directory-seed';
import { UnitEntity } from './unit.entity';

/**
 * Loads the demo directory on start-up. Existing rows are left alone, so edits made later
 * survive restarts, and any number of instances may seed at once.
 */
@Injectable()
export class DirectorySeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger(DirectorySeeder.name);

  constructor(private readonly dataSource: DataSource) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const units = await manager
        .createQueryBuilder()
        .insert()
        .into(UnitEntity)
        .values(
          directorySeed.units.map((unit) => ({
            code: unit.code,
            kind: unit.kind,
            nameKk: unit.nameKk,
            nameRu: unit.nameRu,
            headName: unit.head.name,
            headPosition: unit.head.position,
            headPhone: unit.head.phone ?? null,
            headEmail: unit.head.email ?? null,
            headLanguage: unit.head.language,
          })),
        )
        .orIgnore()
        .execute();
      await manager
        .createQueryBuilder()
        .insert()
        .into(CategoryRouteEntity)
        .values(Object.entries(directorySeed.categoryRoutes).map(([category, unitCode]) => ({ category, unitCode })))
        .orIgnore()
        .execute();
      this.logger.log({ msg: 'directory seeded', newUnits: units.raw.length });
    });
  }
}
