import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, UseGuards } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { LEADERSHIP_ROLES, type Staff, UNIT_HEAD_ROLES } from '@akimat/contracts';
import { ActingStaff, Allow, CorrelationId } from '@akimat/service-kit';
import { AppealUnitScopeGuard } from '../access/appeal-unit-scope.guard';
import { AppealActionsService } from './appeal-actions.service';
import { AppealObligationsService } from './appeal-obligations.service';
import { BriefAnswerDto, FullAnswerDto } from './dto/answer.dto';
import { ExtendDto, ForwardDto } from './dto/decision.dto';
import { ExtensionNoticeDto, OutsideCompetenceDto } from './dto/obligation.dto';

const AppealId = () => Param('id', new ParseUUIDPipe({ version: '4' }));

/**
 * Staff moving an appeal through its lifecycle; a step not allowed from its status answers 409 with the reason.
 * Unit heads act only on their unit's appeals (another unit's answers 404).
 */
@ApiTags('appeal lifecycle')
@UseGuards(AppealUnitScopeGuard)
@ApiNotFoundResponse()
@ApiConflictResponse({ description: 'Not allowed in the appeal’s current status; the message says why' })
@ApiBadRequestResponse({ description: 'violations: [{ field, rule, message }]' })
@Controller('api/v1/appeals/:id')
export class AppealActionsController {
  constructor(
    private readonly actions: AppealActionsService,
    private readonly obligations: AppealObligationsService,
  ) {}

  @Post('brief-answer')
  @Allow(...UNIT_HEAD_ROLES, 'chief_of_staff')
  @HttpCode(200)
  @ApiOkResponse({ description: 'id, registrationNumber, status' })
  briefAnswer(
    @AppealId() id: string,
    @Body() dto: BriefAnswerDto,
    @ActingStaff() author: Staff,
    @CorrelationId() correlationId: string,
  ) {
    return this.actions.giveBriefAnswer(id, dto, author, correlationId);
  }

  @Post('full-answer')
  @Allow(...UNIT_HEAD_ROLES, 'chief_of_staff')
  @HttpCode(200)
  fullAnswer(
    @AppealId() id: string,
    @Body() dto: FullAnswerDto,
    @ActingStaff() author: Staff,
    @CorrelationId() correlationId: string,
  ) {
    return this.actions.giveFullAnswer(id, dto, author, correlationId);
  }

  @Post('extend')
  @Allow(...LEADERSHIP_ROLES)
  @HttpCode(200)
  extend(
    @AppealId() id: string,
    @Body() dto: ExtendDto,
    @ActingStaff() actor: Staff,
    @CorrelationId() correlationId: string,
  ) {
    return this.actions.extend(id, dto, actor, correlationId);
  }

  @Post('forward')
  @Allow(...LEADERSHIP_ROLES, ...UNIT_HEAD_ROLES)
  @HttpCode(200)
  forward(
    @AppealId() id: string,
    @Body() dto: ForwardDto,
    @ActingStaff() actor: Staff,
    @CorrelationId() correlationId: string,
  ) {
    return this.actions.forward(id, dto, actor, correlationId);
  }

  /** The head finds the matter outside the akimat's competence: routing's forwarding clock starts. */
  @Post('outside-competence')
  @Allow(...LEADERSHIP_ROLES, ...UNIT_HEAD_ROLES)
  @HttpCode(200)
  outsideCompetence(
    @AppealId() id: string,
    @Body() dto: OutsideCompetenceDto,
    @ActingStaff() actor: Staff,
    @CorrelationId() correlationId: string,
  ) {
    return this.obligations.recordOutsideCompetence(id, dto, actor, correlationId);
  }

  /** The resident was told of the extension: routing's extension-notice clock stops. */
  @Post('extension-notice')
  @Allow(...LEADERSHIP_ROLES, ...UNIT_HEAD_ROLES)
  @HttpCode(200)
  extensionNotice(
    @AppealId() id: string,
    @Body() dto: ExtensionNoticeDto,
    @ActingStaff() actor: Staff,
    @CorrelationId() correlationId: string,
  ) {
    return this.obligations.recordExtensionNotice(id, dto, actor, correlationId);
  }

  @Post('close')
  @Allow(...LEADERSHIP_ROLES, ...UNIT_HEAD_ROLES)
  @HttpCode(200)
  close(@AppealId() id: string, @ActingStaff() actor: Staff, @CorrelationId() correlationId: string) {
    return this.actions.close(id, actor, correlationId);
  }
}
