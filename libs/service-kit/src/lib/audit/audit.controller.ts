import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Allow } from '../auth/access.decorators';
import { AuditQueryDto } from './audit-query.dto';
import { AuditTrail } from './audit-trail.service';

@ApiTags('audit')
@Controller('api/v1/audit')
export class AuditController {
  constructor(private readonly trail: AuditTrail) {}

  @Get()
  @Allow('chief_of_staff')
  @ApiOkResponse({
    description: 'items: who did what, when, from where, with what outcome; newest first; nextBefore pages on',
  })
  @ApiBadRequestResponse({ description: 'violations: [{ field, rule, message }]' })
  find(@Query() query: AuditQueryDto) {
    return this.trail.find(query);
  }
}
