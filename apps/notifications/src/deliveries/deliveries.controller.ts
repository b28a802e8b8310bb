import { Controller, Get, NotFoundException, Query } from '@nestjs/common';
import { LEADERSHIP_ROLES, STAFF_ROLES } from '@akimat/contracts';
import { Allow, AuditedRead, CurrentStaff, type StaffIdentity, hasAnyRole } from '@akimat/service-kit';
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
  @Allow(...LEADERSHIP_ROLES, 'ops')
  @AuditedRead()
  @ApiOkResponse({ description: 'items: deliveries (any channel) with status, attempts and last error, oldest first' })
  @ApiBadRequestResponse({ description: 'violations: [{ field, rule, message }]; appealId or recipient is required' })
  deliveries(@Query() query: ListDeliveriesDto) {
    return this.log.deliveries(query);
  }

  @Get('inbox')
  @ApiOkResponse({ description: 'items: the recipient’s in-app notices, newest first' })
  @ApiBadRequestResponse({ description: 'violations: [{ field, rule, message }]' })
  @Allow(...STAFF_ROLES)
  @AuditedRead()
  inbox(@Query() query: ListInboxDto, @CurrentStaff() staff: StaffIdentity) {
    if (!hasAnyRole(staff, LEADERSHIP_ROLES) && !ownInboxes(staff).includes(query.recipient)) {
      throw new NotFoundException(`no inbox ${query.recipient} for you`);
    }
    return this.log.inbox(query.recipient);
  }

  @Get('notifications')
  @Allow(...LEADERSHIP_ROLES)
  @AuditedRead()
  @ApiOkResponse({ description: 'items: the appeal’s in-app notices, oldest first' })
  @ApiBadRequestResponse({ description: 'violations: [{ field, rule, message }]' })
  notifications(@Query() query: ListNotificationsDto) {
    return this.log.inAppForAppeal(query.appealId);
  }
}

/** The inboxes that are a member of staff's own: his e-mail, and his unit's when it has no e-mail head. */
function ownInboxes(staff: StaffIdentity): string[] {
  return [staff.email, staff.unit && `unit:${staff.unit}`].filter((inbox): inbox is string => Boolean(inbox));
}
