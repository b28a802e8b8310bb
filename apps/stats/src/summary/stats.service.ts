import { Injectable } from '@nestjs/common';
import { AnnualReport } from '../report/annual-report';
import { AppealDimension, AppealMeasures, Range } from './appeal-measures';
import { Breakdown } from './dto/stats-query.dto';
import { Period, yearRange } from './periods';
import { BreakdownRow, StatsQueryService } from './stats-query.service';
import { WalkInServices } from './walk-in-services';

export type StatsSummary = AppealMeasures & {
  from: string | null;
  to: string | null;
  byCategory: Record<string, number>;
  byChannel: Record<string, number>;
  byUnit: Record<string, number>;
  services: WalkInServices;
};

const registeredBy = (rows: BreakdownRow[]) =>
  Object.fromEntries(rows.filter((r) => r.registered > 0).map((r) => [r.key, r.registered]));

@Injectable()
export class StatsService {
  constructor(private readonly queries: StatsQueryService) {}

  async summary(range: Range): Promise<StatsSummary> {
    const [totals, byCategory, byChannel, byUnit, services] = await Promise.all([
      this.queries.appealTotals(range),
      this.queries.appealBreakdown('category', range),
      this.queries.appealBreakdown('channel', range),
      this.queries.appealBreakdown('unit', range),
      this.queries.walkInServices(range),
    ]);
    return {
      from: range.from ?? null,
      to: range.to ?? null,
      ...totals,
      byCategory: registeredBy(byCategory),
      byChannel: registeredBy(byChannel),
      // Units count what was routed to them; an appeal not yet routed has no unit.
      byUnit: Object.fromEntries(byUnit.filter((r) => r.routed > 0).map((r) => [r.key, r.routed])),
      services,
    };
  }

  async breakdown(by: Breakdown, range: Range) {
    if (by === 'sector') return { by, ...(await this.queries.walkInServices(range)) };
    return { by, rows: await this.queries.appealBreakdown(by as AppealDimension | Period, range) };
  }

  async report(year: number): Promise<AnnualReport> {
    const range = yearRange(year);
    const [services, appeals, appealsByUnit, appealsByCategory] = await Promise.all([
      this.queries.walkInServices(range),
      this.queries.appealTotals(range),
      this.queries.appealBreakdown('unit', range),
      this.queries.appealBreakdown('category', range),
    ]);
    return { year, ...range, services, appeals, appealsByUnit, appealsByCategory };
  }
}
