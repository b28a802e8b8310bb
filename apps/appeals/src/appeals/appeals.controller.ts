import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import { CorrelationId } from '@akimat/service-kit';
import { AppealsService } from './appeals.service';
import { CreateAppealDto } from './dto/create-appeal.dto';

@ApiTags('appeals')
@Controller('api/v1/appeals')
export class AppealsController {
  constructor(private readonly appeals: AppealsService) {}

  @Post()
  @HttpCode(201)
  @ApiCreatedResponse({ description: 'Registered: id, registrationNumber, trackingCode, status' })
  @ApiBadRequestResponse({ description: 'violations: [{ field, rule, message }]' })
  register(@Body() dto: CreateAppealDto, @CorrelationId() correlationId: string) {
    return this.appeals.register(dto, correlationId);
  }

  @Get(':id')
  @ApiNotFoundResponse()
  findOne(@Param('id', new ParseUUIDPipe({ version: '4' })) id: string) {
    return this.appeals.findOne(id);
  }
}
