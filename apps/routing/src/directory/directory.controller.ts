import { Body, Controller, Get, Param, Post, Put } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { STAFF_ROLES, type Staff } from '@akimat/contracts';
import { ActingStaff, Allow, CorrelationId } from '@akimat/service-kit';
import { DirectoryService } from './directory.service';
import { CreateUnitDto, UnitDetailsDto } from './dto/unit.dto';

@ApiTags('directory')
@Controller('api/v1/units')
export class DirectoryController {
  constructor(private readonly directory: DirectoryService) {}

  @Get()
  @Allow(...STAFF_ROLES)
  @ApiOkResponse({ description: '{ items: units with their heads, revision and active flag }' })
  async list() {
    return { items: await this.directory.list() };
  }

  @Get(':code')
  @Allow(...STAFF_ROLES)
  @ApiNotFoundResponse()
  get(@Param('code') code: string) {
    return this.directory.get(code);
  }

  @Post()
  @Allow('admin')
  @ApiCreatedResponse({ description: 'Created at revision 1; directory.unit_changed published' })
  @ApiBadRequestResponse({ description: 'violations: [{ field, rule, message }]' })
  @ApiConflictResponse({ description: 'The code is taken' })
  create(@Body() dto: CreateUnitDto, @ActingStaff() actor: Staff, @CorrelationId() correlationId: string) {
    return this.directory.create(dto, actor, correlationId);
  }

  @Put(':code')
  @Allow('admin')
  @ApiOkResponse({ description: 'Replaced; revision + 1; directory.unit_changed published' })
  @ApiBadRequestResponse({ description: 'violations: [{ field, rule, message }]' })
  @ApiNotFoundResponse()
  update(
    @Param('code') code: string,
    @Body() dto: UnitDetailsDto,
    @ActingStaff() actor: Staff,
    @CorrelationId() correlationId: string,
  ) {
    return this.directory.update(code, dto, actor, correlationId);
  }
}
