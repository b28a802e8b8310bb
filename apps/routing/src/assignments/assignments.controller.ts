import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { LEADERSHIP_ROLES } from '@akimat/contracts';
import { Allow } from '@akimat/service-kit';
import { AssignmentQueries } from './assignment.queries';

@ApiTags('assignments')
@Controller('api/v1/assignments')
export class AssignmentsController {
  constructor(private readonly assignments: AssignmentQueries) {}

  @Get(':appealId')
  @Allow(...LEADERSHIP_ROLES, 'admin')
  @ApiOkResponse({ description: 'Current unit, the rule and version that decided, the reason, and the history' })
  @ApiNotFoundResponse({ description: 'Not routed yet, or unknown appeal' })
  findOne(@Param('appealId', new ParseUUIDPipe()) appealId: string) {
    return this.assignments.explain(appealId);
  }
}
