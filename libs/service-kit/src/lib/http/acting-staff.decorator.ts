import { createParamDecorator, ExecutionContext, UnauthorizedException } from '@nestjs/common';
import type { Staff } from '@akimat/contracts';
import type { StaffRequest } from '../auth/access.guard';
import { StaffIdentity, staffOf } from '../auth/staff-identity';

function signedInStaff(context: ExecutionContext): StaffIdentity {
  const staff = context.switchToHttp().getRequest<StaffRequest>().staff;
  // Only reachable on an endpoint marked @Public, which has no acting staff by definition.
  if (!staff) throw new UnauthorizedException('sign in: this action needs a member of staff');
  return staff;
}

/** The signed-in member of staff as recorded beside a change (name, position), from the verified token. */
export const ActingStaff = createParamDecorator(
  (_: unknown, context: ExecutionContext): Staff => staffOf(signedInStaff(context)),
);

/** Everything the verified token says about the caller: id, roles, unit (for scoping). */
export const CurrentStaff = createParamDecorator(
  (_: unknown, context: ExecutionContext): StaffIdentity => signedInStaff(context),
);

/** "Name (Position)", as stored beside a change. */
export const staffLabel = (actor: Staff): string => (actor.position ? `${actor.name} (${actor.position})` : actor.name);
