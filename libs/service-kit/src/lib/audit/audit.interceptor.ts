import { CallHandler, ExecutionContext, HttpException, Injectable, NestInterceptor, SetMetadata } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import { catchError, concatMap, from, map, Observable, of, throwError } from 'rxjs';
import { AuditedRequest, AuditTrail, PendingAudit } from './audit-trail.service';

const AUDITED_READ = 'akimat:audited-read';

/** Marks a GET that shows residents' personal data, so each read is in the audit trail. */
export const AuditedRead = () => SetMetadata(AUDITED_READ, true);

/**
 * Writes an audit entry for every state change (any method but GET/HEAD) and every read of
 * personal data, after the handler and before the answer goes out, whatever the outcome — unless
 * the service already stored it with the change, in the same transaction (`AuditTrail.pendingEntry`).
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly trail: AuditTrail,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<AuditedRequest>();
    const changes = request.method !== 'GET' && request.method !== 'HEAD';
    if (!changes && !this.reflector.get<boolean>(AUDITED_READ, context.getHandler())) return next.handle();

    const succeeded =
      this.reflector.get<number>(HTTP_CODE_METADATA, context.getHandler()) ?? (request.method === 'POST' ? 201 : 200);
    const pending: PendingAudit = { entry: this.trail.entryOf(request, succeeded), stored: false };
    const handled = new Observable<unknown>((subscriber) =>
      this.trail.handle(pending, () => next.handle().subscribe(subscriber)),
    );
    return handled.pipe(
      concatMap((value) =>
        pending.stored ? of(value) : from(this.trail.record(pending.entry)).pipe(map(() => value)),
      ),
      catchError((error: unknown) => {
        const outcome = error instanceof HttpException ? error.getStatus() : 500;
        return from(this.trail.record({ ...pending.entry, outcome })).pipe(concatMap(() => throwError(() => error)));
      }),
    );
  }
}
