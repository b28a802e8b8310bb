import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { StatsSummaryService } from './stats-summary.service';

@ApiTags('stats')
@Controller('api/v1/stats')
export class StatsController {
  constructor(private readonly summaries: StatsSummaryService) {}

  @Get('summary')
  @ApiOkResponse({ description: 'registered, routed, byCategory, byChannel, byUnit' })
  summary() {
    return this.summaries.summary();
  }
}
