import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Staff } from '@akimat/contracts';
import { ActingStaff, ApiActingStaff, CorrelationId } from '@akimat/service-kit';
import { ReassignDto } from './dto/reassign.dto';
import { ReassignmentService } from './reassignment.service';

@ApiTags('assignments')
@Controller('api/v1/appeals')
export class ReassignmentController {
  constructor(private readonly reassignments: ReassignmentService) {}

  @Post(':id/reassign')
  @HttpCode(200)
  @ApiActingStaff()
  @ApiOkResponse({ description: 'The assignment with its history; appeal.reassigned published' })
  @ApiBadRequestResponse({ description: 'violations: [{ field, rule, message }], e.g. targetUnitCode/activeUnit' })
  @ApiNotFoundResponse({ description: 'The appeal has not been routed here' })
  @ApiConflictResponse({ description: 'The appeal is already with that unit' })
  reassign(
    @Param('id', new ParseUUIDPipe()) appealId: string,
    @Body() dto: ReassignDto,
    @ActingStaff() actor: Staff,
    @CorrelationId() correlationId: string,
  ) {
    return this.reassignments.reassign(appealId, dto, actor, correlationId);
  }
}
