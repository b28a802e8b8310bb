import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  StreamableFile,
  UseGuards,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { LEADERSHIP_ROLES, type Staff, UNIT_HEAD_ROLES } from '@akimat/contracts';
import { ActingStaff, Allow, AuditedRead, CorrelationId, CurrentStaff, type StaffIdentity } from '@akimat/service-kit';
import { AppealUnitScopeGuard } from '../access/appeal-unit-scope.guard';
import { InboxQueryDto } from '../inbox/inbox-query.dto';
import { InboxService } from '../inbox/inbox.service';
import { ReceiptQueryDto } from '../receipts/receipt-query.dto';
import { ReceiptsService } from '../receipts/receipts.service';
import { AppealCardsService } from './appeal-cards.service';
import { AppealRegistrationService } from './appeal-registration.service';
import { CreateAppealDto } from './dto/create-appeal.dto';

const AppealId = () => Param('id', new ParseUUIDPipe({ version: '4' }));

@ApiTags('appeals')
@Controller('api/v1/appeals')
export class AppealsController {
  constructor(
    private readonly registration: AppealRegistrationService,
    private readonly cards: AppealCardsService,
    private readonly inbox: InboxService,
    private readonly receipts: ReceiptsService,
  ) {}

  @Post()
  @Allow(...LEADERSHIP_ROLES, 'operator')
  @HttpCode(201)
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Retries with the same key return the first result',
  })
  @ApiCreatedResponse({
    description: 'Registered: id, registrationNumber, trackingCode, status, registeredAt, registrationDate',
  })
  @ApiBadRequestResponse({ description: 'violations: [{ field, rule, message }]' })
  @ApiConflictResponse({ description: 'The Idempotency-Key was used for a different request' })
  register(
    @Body() dto: CreateAppealDto,
    @ActingStaff() actor: Staff,
    @CorrelationId() correlationId: string,
    @Headers('idempotency-key') idempotencyKey?: string,
  ) {
    return this.registration.register(dto, actor, correlationId, idempotencyKey);
  }

  /** The department inbox; a unit head sees only his unit's (another unit answers 404). */
  @Get()
  @Allow(...LEADERSHIP_ROLES, ...UNIT_HEAD_ROLES)
  @AuditedRead()
  list(@Query() query: InboxQueryDto, @CurrentStaff() staff: StaffIdentity) {
    return this.inbox.list(query, staff);
  }

  @Get(':id')
  @Allow(...LEADERSHIP_ROLES, ...UNIT_HEAD_ROLES)
  @UseGuards(AppealUnitScopeGuard)
  @AuditedRead()
  @ApiNotFoundResponse()
  findOne(@AppealId() id: string) {
    return this.cards.findOne(id);
  }

  @Get(':id/receipt.pdf')
  @Allow(...LEADERSHIP_ROLES, ...UNIT_HEAD_ROLES, 'operator')
  @UseGuards(AppealUnitScopeGuard)
  @AuditedRead()
  @ApiProduces('application/pdf')
  @ApiNotFoundResponse()
  async receipt(@AppealId() id: string, @Query() query: ReceiptQueryDto): Promise<StreamableFile> {
    const { pdf, fileName } = await this.receipts.render(id, query.lang);
    return new StreamableFile(pdf, { type: 'application/pdf', disposition: `inline; filename="${fileName}"` });
  }
}
