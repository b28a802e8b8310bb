import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import { AssignmentService } from './assignment.service';

@ApiTags('assignments')
@Controller('api/v1/assignments')
export class AssignmentsController {
  constructor(private readonly assignments: AssignmentService) {}

  @Get(':appealId')
  @ApiNotFoundResponse({ description: 'Not routed yet, or unknown appeal' })
  findOne(@Param('appealId', new ParseUUIDPipe()) appealId: string) {
    return this.assignments.findByAppeal(appealId);
  }
}
