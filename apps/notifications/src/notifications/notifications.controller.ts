import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ListNotificationsDto } from './dto/list-notifications.dto';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@Controller('api/v1/notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOkResponse({ description: 'items: the appeal\'s notifications, oldest first' })
  @ApiBadRequestResponse({ description: 'violations: [{ field, rule, message }]' })
  list(@Query() query: ListNotificationsDto) {
    return this.notifications.listForAppeal(query.appealId);
  }
}
