import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppealCategoryEntity } from './appeal-category.entity';

const REFRESH_MS = 30_000;

/**
 * The category catalogue (data, extendable by a row), read once per 30 s rather than on every
 * registration: a new category is accepted within half a minute of being added.
 */
@Injectable()
export class CategoryCatalogue {
  private active?: Promise<Set<string>>;
  private loadedAt = 0;

  constructor(private readonly dataSource: DataSource) {}

  async isActive(code: string): Promise<boolean> {
    if (!this.active || Date.now() - this.loadedAt > REFRESH_MS) {
      this.loadedAt = Date.now();
      this.active = this.load().catch((error: unknown) => {
        this.active = undefined;
        throw error;
      });
    }
    return (await this.active).has(code);
  }

  /** The active categories with their names, for the reception desk's picker. */
  list(): Promise<AppealCategoryEntity[]> {
    return this.dataSource.manager.find(AppealCategoryEntity, {
      where: { active: true },
      select: { code: true, nameKk: true, nameRu: true },
      order: { code: 'ASC' },
    });
  }

  private async load(): Promise<Set<string>> {
    const rows = await this.dataSource.manager.find(AppealCategoryEntity, {
      where: { active: true },
      select: { code: true },
    });
    return new Set(rows.map((row) => row.code));
  }
}
