import { CanActivate, ExecutionContext, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { isUUID } from 'class-validator';
import { AuditedRequest, AuditTrail, unitScopeOf } from '@akimat/service-kit';

type AppealRequest = AuditedRequest & { params: { id?: string } };

/**
 * A unit head may only open and act on appeals assigned to his unit. Any other appeal answers the
 * same 404 as one that does not exist, so its existence is not disclosed either; the attempt is audited.
 */
@Injectable()
export class AppealUnitScopeGuard implements CanActivate {
  constructor(
    private readonly dataSource: DataSource,
    private readonly trail: AuditTrail,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AppealRequest>();
    const unit = request.staff ? unitScopeOf(request.staff) : null;
    const id = request.params.id;
    if (unit === null || !id || !isUUID(id, 4)) return true; // a malformed id is the pipe's 400
    const rows: unknown[] = await this.dataSource.query(
      'SELECT 1 FROM appeals WHERE id = $1 AND assigned_unit_code = $2',
      [id, unit],
    );
    if (rows.length === 0) {
      await this.trail.recordRequest(request, 404); // a head reaching for another unit's appeal
      throw new NotFoundException(`appeal ${id} not found`);
    }
    return true;
  }
}
