import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AsyncLocalStorage } from 'node:async_hooks';
import { DataSource, EntityManager } from 'typeorm';
import type { StaffRequest } from '../auth/access.guard';
import { UNSTORABLE_CHARACTERS } from '../http/unstorable-text';

export type AuditedRequest = StaffRequest & {
  method: string;
  url?: string;
  route?: { path: string };
  params?: Record<string, string>;
};

export interface AuditEntry {
  actorId: string | null;
  actorName: string;
  actorRoles: string[];
  /** The method and route, e.g. "POST /api/v1/appeals/:id/brief-answer". */
  action: string;
  /** The record acted on or read (appeal id, registration number, unit or rule), if the route names one. */
  target: string | null;
  /** The HTTP status the caller got. */
  outcome: number;
  sourceIp: string | null;
  correlationId: string | null;
}

/** The entry of the request being handled; `stored` once a service has committed it with its change. */
export interface PendingAudit {
  entry: AuditEntry;
  stored: boolean;
}

export interface AuditQuery {
  actorId?: string;
  target?: string;
  from?: Date;
  to?: Date;
  /** Entries older than this id (the previous page's `nextBefore`). */
  before?: string;
  limit: number;
}

export interface AuditRecord extends Omit<AuditEntry, 'actorRoles'> {
  id: string;
  at: string;
  actorRoles: string[];
}

/**
 * The append-only audit trail. Entries recorded in the same moment are written in one statement,
 * and each caller waits until its entry is stored, so no answer leaves without its audit row.
 */
@Injectable()
export class AuditTrail {
  private pending: { entry: AuditEntry; done: (error?: unknown) => void }[] = [];
  private readonly handling = new AsyncLocalStorage<PendingAudit>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  record(entry: AuditEntry): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.pending.length === 0) setImmediate(() => void this.flush());
      this.pending.push({ entry, done: (error) => (error ? reject(error) : resolve()) });
    });
  }

  /** Records what an HTTP request did or tried, with the status its caller got. */
  recordRequest(request: AuditedRequest, outcome: number): Promise<void> {
    return this.record(this.entryOf(request, outcome));
  }

  /** Runs a request's handler with its audit entry at hand (see `pendingEntry`). */
  handle<T>(pending: PendingAudit, handler: () => T): T {
    return this.handling.run(pending, handler);
  }

  /**
   * The audit entry of the request being handled, for a service that writes it in the transaction
   * of the change itself (`insertWithin`, then `stored = true` after commit): atomic with the change,
   * and no second commit on a hot path.
   */
  pendingEntry(): PendingAudit | undefined {
    return this.handling.getStore();
  }

  /**
   * Stores the current request's entry in the change's own transaction. Call it inside the
   * transaction, when the change is made: if the transaction rolls back, the handler fails and
   * the failure is recorded instead.
   */
  async storeWithin(manager: EntityManager): Promise<void> {
    const pending = this.pendingEntry();
    if (!pending || pending.stored) return;
    await insertEntries(manager, [pending.entry]);
    pending.stored = true;
  }

  async insertWithin(manager: EntityManager, entries: AuditEntry[]): Promise<void> {
    if (entries.length > 0) await insertEntries(manager, entries);
  }

  entryOf(request: AuditedRequest, outcome: number): AuditEntry {
    const params = request.params ?? {};
    const target = params['id'] ?? params['registrationNumber'] ?? params['appealId'] ?? params['code'];
    return {
      actorId: storable(request.staff?.id),
      actorName: storable(request.staff?.name) ?? 'resident (tracking code)',
      actorRoles: request.staff?.roles ?? [],
      action: `${request.method} ${request.route?.path ?? storable(request.url) ?? ''}`,
      target: storable(target),
      outcome,
      sourceIp: request.ip ?? request.socket.remoteAddress ?? null,
      correlationId: request.id ?? null,
    };
  }

  async find(query: AuditQuery): Promise<{ items: AuditRecord[]; nextBefore: string | null }> {
    const conditions: string[] = [];
    const params: unknown[] = [];
    const where = (sql: string, value: unknown) => {
      params.push(value);
      conditions.push(sql.replace('?', `$${params.length}`));
    };
    if (query.actorId) where('actor_id = ?', query.actorId);
    if (query.target) where('target = ?', query.target);
    if (query.from) where('at >= ?', query.from);
    if (query.to) where('at < ?', query.to);
    if (query.before) where('id < ?', query.before);
    params.push(query.limit);
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT id::text, at, actor_id, actor_name, actor_roles, action, target, outcome, source_ip, correlation_id
         FROM audit_trail ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}
        ORDER BY audit_trail.id DESC LIMIT $${params.length}`,
      params,
    );
    const items = rows.map(toRecord);
    return { items, nextBefore: items.length === query.limit ? items[items.length - 1].id : null };
  }

  private async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    try {
      await insertEntries(
        this.dataSource.manager,
        batch.map(({ entry }) => entry),
      );
      batch.forEach(({ done }) => done());
    } catch (error) {
      batch.forEach(({ done }) => done(error));
    }
  }
}

async function insertEntries(manager: EntityManager, entries: AuditEntry[]): Promise<void> {
  const column = <K extends keyof AuditEntry>(key: K) => entries.map((entry) => entry[key]);
  await manager.query(
    `INSERT INTO audit_trail (actor_id, actor_name, actor_roles, action, target, outcome, source_ip, correlation_id)
     SELECT actor_id, actor_name, string_to_array(actor_roles, ','), action, target, outcome, source_ip, correlation_id
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[], $7::text[], $8::text[])
         AS e(actor_id, actor_name, actor_roles, action, target, outcome, source_ip, correlation_id)`,
    [
      column('actorId'),
      column('actorName'),
      entries.map((entry) => entry.actorRoles.join(',')),
      column('action'),
      column('target'),
      column('outcome'),
      column('sourceIp'),
      column('correlationId'),
    ],
  );
}

/**
 * Refused requests are audited too, so their path values may be anything: NUL (PostgreSQL text
 * cannot hold it), lone surrogates, kilobytes. They are recorded recognisably rather than failing.
 */
function storable(value: string | undefined): string | null {
  if (value === undefined) return null;
  return value.slice(0, 200).replace(UNSTORABLE_CHARACTERS, '\uFFFD');
}

function toRecord(row: Record<string, unknown>): AuditRecord {
  return {
    id: row['id'] as string,
    at: (row['at'] as Date).toISOString(),
    actorId: row['actor_id'] as string | null,
    actorName: row['actor_name'] as string,
    actorRoles: row['actor_roles'] as string[],
    action: row['action'] as string,
    target: row['target'] as string | null,
    outcome: row['outcome'] as number,
    sourceIp: row['source_ip'] as string | null,
    correlationId: row['correlation_id'] as string | null,
  };
}
