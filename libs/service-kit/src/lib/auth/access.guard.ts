import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Injectable,
  Logger,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { IncomingMessage } from 'node:http';
import type { StaffRole } from '@akimat/contracts';
import { AuditedRequest, AuditTrail } from '../audit/audit-trail.service';
import { ALLOWED_ROLES, PUBLIC_ENDPOINT } from './access.decorators';
import { hasAnyRole, StaffIdentity } from './staff-identity';
import { TokenVerifier } from './token-verifier';

export type StaffRequest = IncomingMessage & { staff?: StaffIdentity; id?: string; ip?: string };

/**
 * Every HTTP request passes here (a global guard): public endpoints go through, the rest need a
 * valid staff token (401) whose roles the endpoint admits (403, and in the audit trail). Kafka
 * handlers are not HTTP and are not checked here.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger('Access');

  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenVerifier,
    private readonly trail: AuditTrail,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ENDPOINT, targets)) return true;

    const request = context.switchToHttp().getRequest<StaffRequest>();
    const token = bearerTokenOf(request);
    if (!token) throw new UnauthorizedException('sign in: an Authorization: Bearer <staff token> header is required');
    const staff = await this.tokens.verify(token).catch((error: unknown) => {
      this.logger.warn(
        { correlationId: request.id, from: request.ip, reason: (error as Error).message },
        'token refused',
      );
      throw error;
    });
    request.staff = staff;

    const allowed = this.reflector.getAllAndOverride<StaffRole[] | undefined>(ALLOWED_ROLES, targets) ?? [];
    if (!hasAnyRole(staff, allowed)) {
      this.logger.warn(
        { correlationId: request.id, staffId: staff.id, roles: staff.roles, from: request.ip },
        'access denied',
      );
      await this.trail.recordRequest(request as AuditedRequest, 403);
      throw new ForbiddenException(
        allowed.length
          ? `your role (${staff.roles.join(', ') || 'none'}) may not do this; it needs one of: ${allowed.join(', ')}`
          : 'this endpoint admits no one',
      );
    }
    return true;
  }
}

function bearerTokenOf(request: IncomingMessage): string | undefined {
  const header = request.headers.authorization;
  const match = header?.match(/^Bearer ([A-Za-z0-9_.~+/=-]+)$/);
  return match?.[1];
}
