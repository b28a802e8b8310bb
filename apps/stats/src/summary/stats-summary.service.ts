import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { CounterEntity } from '../counters/counter.entity';
import { METRIC } from '../counters/counter-increments';
import { StatsSummary, toStatsSummary } from './stats-summary';

@Injectable()
export class StatsSummaryService {
  constructor(private readonly dataSource: DataSource) {}

  async summary(): Promise<StatsSummary> {
    const rows = await this.dataSource
      .getRepository(CounterEntity)
      .findBy({ metric: In([METRIC.registered, METRIC.routed]) });
    return toStatsSummary(rows);
  }
}
