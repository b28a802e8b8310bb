import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  AppealDimension,
  appealBreakdownSql,
  AppealMeasures,
  appealTotalsSql,
  Range,
  rangeParams,
  toAppealMeasures,
} from './appeal-measures';
import { Period } from './periods';
import { serviceCountsSql, ServiceCountRow, toWalkInServices, WalkInServices } from './walk-in-services';

export type BreakdownRow = AppealMeasures & { key: string };

/** Reads the figures from the fact tables; every query is one statement, so it sees one snapshot. */
@Injectable()
export class StatsQueryService {
  constructor(private readonly dataSource: DataSource) {}

  async appealTotals(range: Range): Promise<AppealMeasures> {
    const [row] = await this.dataSource.query(appealTotalsSql(), rangeParams(range));
    return toAppealMeasures(row);
  }

  async appealBreakdown(by: AppealDimension | Period, range: Range): Promise<BreakdownRow[]> {
    const rows: Record<string, string | null>[] = await this.dataSource.query(
      appealBreakdownSql(by),
      rangeParams(range),
    );
    return rows.map((row) => ({ key: String(row['key']), ...toAppealMeasures(row) }));
  }

  async walkInServices(range: Range): Promise<WalkInServices> {
    const rows: ServiceCountRow[] = await this.dataSource.query(serviceCountsSql, rangeParams(range));
    return toWalkInServices(rows);
  }
}
