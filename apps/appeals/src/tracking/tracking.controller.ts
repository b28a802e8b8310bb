import { Body, Controller, Get, Headers, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { CorrelationId, Public } from '@akimat/service-kit';
import { FeedbackDto, NotResolvedDto } from './dto/resident-response.dto';
import { RegistrationNumberPipe } from './registration-number.pipe';
import { TrackingService } from './tracking.service';

/** The resident's side, public: every call needs the registration number and its tracking code. */
@ApiTags('resident tracking')
@ApiNotFoundResponse({ description: 'Unknown number or wrong code (the same answer for both)' })
@ApiTooManyRequestsResponse({ description: 'Too many attempts from this client; wait a minute' })
@Public()
@UseGuards(ThrottlerGuard)
@Controller('api/v1/track/:registrationNumber')
export class TrackingController {
  constructor(private readonly tracking: TrackingService) {}

  @Get()
  @ApiHeader({ name: 'X-Tracking-Code', required: true, description: 'The code printed on the receipt' })
  track(
    @Param('registrationNumber', RegistrationNumberPipe) number: string,
    @Headers('x-tracking-code') code?: string,
  ) {
    return this.tracking.track(number, code);
  }

  @Post('not-resolved')
  @HttpCode(200)
  @ApiConflictResponse({ description: 'Not fully answered, or more than 30 days after the full answer' })
  notResolved(
    @Param('registrationNumber', RegistrationNumberPipe) number: string,
    @Body() dto: NotResolvedDto,
    @CorrelationId() correlationId: string,
  ) {
    return this.tracking.notResolved(number, dto, correlationId);
  }

  @Post('feedback')
  @HttpCode(200)
  @ApiConflictResponse({ description: 'Not fully answered yet, or feedback already given' })
  feedback(
    @Param('registrationNumber', RegistrationNumberPipe) number: string,
    @Body() dto: FeedbackDto,
    @CorrelationId() correlationId: string,
  ) {
    return this.tracking.giveFeedback(number, dto, correlationId);
  }
}
