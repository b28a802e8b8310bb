import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { LEADERSHIP_ROLES, UNIT_HEAD_ROLES } from '@akimat/contracts';
import { Allow, CorrelationId, CurrentStaff, type StaffIdentity } from '@akimat/service-kit';
import { ReassignDto } from './dto/reassign.dto';
import { ReassignmentService } from './reassignment.service';

@ApiTags('assignments')
@Controller('api/v1/appeals')
export class ReassignmentController {
  constructor(private readonly reassignments: ReassignmentService) {}

  @Post(':id/reassign')
  @Allow(...LEADERSHIP_ROLES, ...UNIT_HEAD_ROLES)
  @HttpCode(200)
  @ApiOkResponse({ description: 'The assignment with its history; appeal.reassigned published' })
  @ApiBadRequestResponse({ description: 'violations: [{ field, rule, message }], e.g. targetUnitCode/activeUnit' })
  @ApiNotFoundResponse({ description: 'The appeal has not been routed here (or, for a unit head, not to his unit)' })
  @ApiForbiddenResponse({ description: 'A unit head may only hand an appeal back to the triage desk' })
  @ApiConflictResponse({ description: 'The appeal is already with that unit' })
  reassign(
    @Param('id', new ParseUUIDPipe()) appealId: string,
    @Body() dto: ReassignDto,
    @CurrentStaff() staff: StaffIdentity,
    @CorrelationId() correlationId: string,
  ) {
    return this.reassignments.reassign(appealId, dto, staff, correlationId);
  }
}
