import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import { LEADERSHIP_ROLES, type Staff } from '@akimat/contracts';
import { ActingStaff, Allow } from '@akimat/service-kit';
import { ListSessionsDto } from './dto/list-sessions.dto';
import { OpenSessionDto } from './dto/open-session.dto';
import { ReceptionSessionsService } from './reception-sessions.service';

@ApiTags('reception sessions')
@Allow(...LEADERSHIP_ROLES, 'operator')
@Controller('api/v1/reception-sessions')
export class ReceptionSessionsController {
  constructor(private readonly sessions: ReceptionSessionsService) {}

  @Post()
  @ApiCreatedResponse({ description: 'The session opened' })
  @ApiBadRequestResponse({ description: 'violations: [{ field, rule, message }]' })
  open(@Body() dto: OpenSessionDto, @ActingStaff() actor: Staff) {
    return this.sessions.open(dto, actor);
  }

  @Get()
  list(@Query() query: ListSessionsDto) {
    return this.sessions.list(query);
  }

  @Get(':id')
  @ApiNotFoundResponse()
  findOne(@Param('id', new ParseUUIDPipe({ version: '4' })) id: string) {
    return this.sessions.findOne(id);
  }
}
