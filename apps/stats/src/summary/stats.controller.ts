import { Controller, Get, Header, Headers, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { annualReportCsv } from '../report/annual-report';
import { renderReportPage } from '../report/report-page';
import { BreakdownQueryDto, RangeQueryDto, ReportQueryDto } from './dto/stats-query.dto';
import { LEADERSHIP_ROLES } from '@akimat/contracts';
import { Allow } from '@akimat/service-kit';
import { StatsService } from './stats.service';

@ApiTags('stats')
@Allow(...LEADERSHIP_ROLES)
@Controller('api/v1/stats')
export class StatsController {
  constructor(private readonly stats: StatsService) {}

  @Get('summary')
  @ApiOkResponse({
    description: 'every measure over [from, to), with byCategory, byChannel, byUnit and walk-in services',
  })
  summary(@Query() { from, to }: RangeQueryDto) {
    return this.stats.summary({ from, to });
  }

  @Get('breakdown')
  @ApiOkResponse({
    description:
      'the measures per unit, category, locality, channel, session, official, period; or services per sector',
  })
  breakdown(@Query() { by, from, to }: BreakdownQueryDto) {
    return this.stats.breakdown(by, { from, to });
  }

  @Get('report')
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ description: 'the annual report; CSV with ?format=csv or Accept: text/csv' })
  async report(
    @Query() { year, format }: ReportQueryDto,
    @Headers('accept') accept: string | undefined,
    @Res() res: Response,
  ) {
    const report = await this.stats.report(year);
    if (format === 'csv' || (!format && accept?.includes('text/csv'))) {
      res.type('text/csv; charset=utf-8').attachment(`open-akimat-report-${year}.csv`).send(annualReportCsv(report));
      return;
    }
    res.json(report);
  }

  @Get('report.html')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @ApiProduces('text/html')
  async reportPage(@Query() { year }: ReportQueryDto): Promise<string> {
    return renderReportPage(await this.stats.report(year));
  }
}
