import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { LEADERSHIP_ROLES, type Staff } from '@akimat/contracts';
import { ActingStaff, Allow } from '@akimat/service-kit';
import { RuleDto } from './dto/rule.dto';
import { RoutingRuleService } from './routing-rule.service';

@ApiTags('rules')
@Controller('api/v1/rules')
export class RulesController {
  constructor(private readonly rules: RoutingRuleService) {}

  @Get()
  @Allow('admin', ...LEADERSHIP_ROLES)
  @ApiOkResponse({ description: '{ items: rules in the order they are tried }' })
  async list() {
    return { items: await this.rules.list() };
  }

  @Get(':id')
  @Allow('admin', ...LEADERSHIP_ROLES)
  @ApiOkResponse({ description: 'The rule and all its versions, newest first' })
  @ApiNotFoundResponse()
  get(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.rules.get(id);
  }

  @Post()
  @Allow('admin')
  @ApiCreatedResponse({ description: 'Created as version 1' })
  @ApiBadRequestResponse({ description: 'violations: [{ field, rule, message }], e.g. targetUnitCode/activeUnit' })
  create(@Body() dto: RuleDto, @ActingStaff() actor: Staff) {
    return this.rules.create(dto, actor);
  }

  @Put(':id')
  @Allow('admin')
  @ApiOkResponse({ description: 'Replaced as the next version; decisions from now on cite it' })
  @ApiBadRequestResponse({ description: 'violations: [{ field, rule, message }]' })
  @ApiNotFoundResponse()
  replace(@Param('id', new ParseUUIDPipe()) id: string, @Body() dto: RuleDto, @ActingStaff() actor: Staff) {
    return this.rules.replace(id, dto, actor);
  }

  @Post(':id/disable')
  @Allow('admin')
  @HttpCode(200)
  @ApiOkResponse({ description: 'Switched off (a new version); no-op if already off' })
  @ApiNotFoundResponse()
  disable(@Param('id', new ParseUUIDPipe()) id: string, @ActingStaff() actor: Staff) {
    return this.rules.setEnabled(id, false, actor);
  }

  @Post(':id/enable')
  @Allow('admin')
  @HttpCode(200)
  @ApiOkResponse({ description: 'Switched on (a new version); no-op if already on' })
  @ApiNotFoundResponse()
  enable(@Param('id', new ParseUUIDPipe()) id: string, @ActingStaff() actor: Staff) {
    return this.rules.setEnabled(id, true, actor);
  }
}
