import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { DeliveryLog } from './delivery-log.service';
import { ListDeliveriesDto } from './dto/list-deliveries.dto';
import { ListInboxDto } from './dto/list-inbox.dto';
import { ListNotificationsDto } from './dto/list-notifications.dto';

@ApiTags('deliveries')
@Controller('api/v1')
export class DeliveriesController {
  constructor(private readonly log: DeliveryLog) {}

  @Get('deliveries')
  @ApiOkResponse({ description: 'items: deliveries (any channel) with status, attempts and last error, oldest first' })
  @ApiBadRequestResponse({ description: 'violations: [{ field, rule, message }]; appealId or recipient is required' })
  deliveries(@Query() query: ListDeliveriesDto) {
    return this.log.deliveries(query);
  }

  @Get('inbox')
  @ApiOkResponse({ description: 'items: the recipient’s in-app notices, newest first' })
  @ApiBadRequestResponse({ description: 'violations: [{ field, rule, message }]' })
  inbox(@Query() query: ListInboxDto) {
    return this.log.inbox(query.recipient);
  }

  @Get('notifications')
  @ApiOkResponse({ description: 'items: the appeal’s in-app notices, oldest first' })
  @ApiBadRequestResponse({ description: 'violations: [{ field, rule, message }]' })
  notifications(@Query() query: ListNotificationsDto) {
    return this.log.inAppForAppeal(query.appealId);
  }
}
