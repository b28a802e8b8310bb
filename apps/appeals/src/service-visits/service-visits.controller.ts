import { Body, Controller, Get, Headers, HttpCode, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiHeader, ApiTags } from '@nestjs/swagger';
import { LEADERSHIP_ROLES, type Staff } from '@akimat/contracts';
import { ActingStaff, Allow, CorrelationId } from '@akimat/service-kit';
import { RecordVisitDto } from './dto/record-visit.dto';
import { ServiceVisitsService } from './service-visits.service';

@ApiTags('walk-in services')
@Allow(...LEADERSHIP_ROLES, 'operator')
@Controller('api/v1/service-visits')
export class ServiceVisitsController {
  constructor(private readonly visits: ServiceVisitsService) {}

  @Post()
  @HttpCode(201)
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Retries with the same key record it once' })
  @ApiCreatedResponse({ description: 'Recorded; counted by stats from service.rendered' })
  @ApiBadRequestResponse({ description: 'violations: [{ field, rule, message }]' })
  record(
    @Body() dto: RecordVisitDto,
    @ActingStaff() actor: Staff,
    @CorrelationId() correlationId: string,
    @Headers('idempotency-key') idempotencyKey?: string,
  ) {
    return this.visits.record(dto, actor, correlationId, idempotencyKey);
  }

  @Get('catalogue')
  catalogue() {
    return this.visits.catalogue();
  }
}
