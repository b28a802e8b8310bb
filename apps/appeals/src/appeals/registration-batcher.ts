import { ConflictException, Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditTrail, ContactSeal, PendingAudit, SERVICE_CONFIG, ServiceConfig } from '@akimat/service-kit';
import { AppealsEnv } from '../app/appeals-env.schema';
import { requestHash } from '../idempotency/idempotency-key';
import { appendTimelines } from '../timeline/timeline';
import { AppealEventPublisher } from './appeal-event.publisher';
import { registeredEventData } from './appeal-events';
import { AppealEntity } from './appeal.entity';
import { insertRegisteredAppeals } from './insert-appeals';
import { formatRegistrationNumber, reserveRegistrationSequences } from './registration-number';

/** A card ready to register: everything but its number. */
export type AppealDraft = Omit<AppealEntity, 'registrationNumber' | 'createdAt' | 'updatedAt'>;

export interface RegisteredAppeal {
  id: string;
  registrationNumber: string;
  trackingCode: string;
  status: AppealEntity['status'];
  registeredAt: string;
  registrationDate: string;
}

interface Submission {
  draft: AppealDraft;
  correlationId: string;
  idempotency?: { key: string; requestHash: string };
  /** The request's audit entry, stored with the card in the batch's transaction. */
  audit?: PendingAudit;
  resolve(result: RegisteredAppeal): void;
  reject(error: unknown): void;
}

const IDEMPOTENCY_SCOPE = 'POST /api/v1/appeals';
const MAX_BATCH = 200;

/**
 * Registers appeals in batches, one transaction per batch ("group commit"). Gap-free numbering
 * needs the year's counter row locked until commit, so one registration at a time would be capped
 * by the disk's flush time; a batch takes its numbers, cards, events and Idempotency-Keys in one
 * commit. Under light load a batch is one card, so latency stays one transaction.
 */
@Injectable()
export class RegistrationBatcher {
  private readonly logger = new Logger(RegistrationBatcher.name);
  private queue: Submission[] = [];
  private flushing = false;
  private readonly seal: ContactSeal | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly events: AppealEventPublisher,
    private readonly trail: AuditTrail,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig<AppealsEnv>,
  ) {
    this.seal = ContactSeal.fromEnv(config.RESIDENT_CONTACT_KEY);
  }

  submit(
    draft: AppealDraft,
    correlationId: string,
    idempotencyKey: string | undefined,
    request: unknown,
  ): Promise<RegisteredAppeal> {
    return new Promise((resolve, reject) => {
      const idempotency = idempotencyKey ? { key: idempotencyKey, requestHash: requestHash(request) } : undefined;
      this.queue.push({ draft, correlationId, idempotency, audit: this.trail.pendingEntry(), resolve, reject });
      if (!this.flushing) void this.flushAll();
    });
  }

  private async flushAll(): Promise<void> {
    this.flushing = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, MAX_BATCH);
        await this.flush(batch);
      }
    } finally {
      this.flushing = false;
    }
  }

  private async flush(batch: Submission[]): Promise<void> {
    let outcome: { registered: Map<Submission, RegisteredAppeal>; replays: Submission[] };
    const started = performance.now();
    try {
      outcome = await this.dataSource.transaction((manager) => this.registerBatch(manager, batch));
      this.logger.debug({ size: batch.length, ms: Math.round(performance.now() - started) }, 'registered a batch');
    } catch (error) {
      if (batch.length === 1) return batch[0].reject(error);
      // One bad card must not fail the others: try each on its own.
      this.logger.warn({ size: batch.length, err: error }, 'batch registration failed; retrying one by one');
      for (const submission of batch) await this.flush([submission]);
      return;
    }
    for (const [submission, result] of outcome.registered) {
      if (submission.audit) submission.audit.stored = true;
      submission.resolve(result);
    }
    for (const replay of outcome.replays) await this.answerReplay(replay);
  }

  private async registerBatch(manager: EntityManager, batch: Submission[]) {
    const fresh = await this.claimIdempotencyKeys(manager, batch);
    const replays = batch.filter((submission) => !fresh.includes(submission));
    const registered = new Map<Submission, RegisteredAppeal>();
    if (fresh.length === 0) return { registered, replays };

    // Taken last, just before the inserts: the counter row stays locked until commit.
    const appealOf = new Map<Submission, AppealEntity>();
    for (const [year, submissions] of groupByYear(fresh)) {
      const first = await reserveRegistrationSequences(
        manager,
        this.config.REGISTRATION_PREFIX,
        year,
        submissions.length,
      );
      submissions.forEach((submission, i) => {
        const appeal = manager.create(AppealEntity, {
          ...submission.draft,
          registrationNumber: formatRegistrationNumber(this.config.REGISTRATION_PREFIX, year, first + i),
        });
        appealOf.set(submission, appeal);
        registered.set(submission, resultOf(appeal));
      });
    }
    const appeals = [...appealOf.values()];
    await insertRegisteredAppeals(manager, appeals);
    await appendTimelines(
      manager,
      appeals.map((appeal) => ({
        appealId: appeal.id,
        kind: 'registered',
        at: appeal.registeredAt,
        actorName: appeal.receivedByName,
      })),
    );
    await this.events.publishMany(
      manager,
      [...appealOf].map(([submission, appeal]) => ({
        type: 'appeal.registered' as const,
        data: registeredEventData(appeal, this.seal),
        origin: { subject: appeal.id, correlationId: submission.correlationId, occurredAt: appeal.registeredAt },
      })),
    );
    await this.trail.insertWithin(
      manager,
      fresh.flatMap(({ audit }) => (audit ? [audit.entry] : [])),
    );
    const answers = [...registered].filter(([submission]) => submission.idempotency);
    if (answers.length > 0) {
      await manager.query(
        `UPDATE idempotency_keys AS k SET response_body = answer.body::jsonb
           FROM unnest($2::text[], $3::text[]) AS answer(key, body)
          WHERE k.scope = $1 AND k.key = answer.key`,
        [
          IDEMPOTENCY_SCOPE,
          answers.map(([s]) => s.idempotency?.key),
          answers.map(([, result]) => JSON.stringify(result)),
        ],
      );
    }
    return { registered, replays };
  }

  /**
   * Claims each submission's key; returns the submissions that do the work. A key taken earlier
   * (or by a racing request, once it commits — the INSERT waits for it) or repeated within the
   * batch makes its submission a replay of the first answer.
   */
  private async claimIdempotencyKeys(manager: EntityManager, batch: Submission[]): Promise<Submission[]> {
    const firstHashOf = new Map<string, string>();
    for (const { idempotency } of batch) {
      if (idempotency && !firstHashOf.has(idempotency.key)) firstHashOf.set(idempotency.key, idempotency.requestHash);
    }
    if (firstHashOf.size === 0) return batch;
    const rows: { key: string }[] = await manager.query(
      `INSERT INTO idempotency_keys (scope, key, request_hash)
       SELECT $1, key, hash FROM unnest($2::text[], $3::text[]) AS claimed(key, hash)
       ON CONFLICT DO NOTHING RETURNING key`,
      [IDEMPOTENCY_SCOPE, [...firstHashOf.keys()], [...firstHashOf.values()]],
    );
    const unclaimed = new Set(rows.map((row) => row.key));
    return batch.filter(({ idempotency }) => !idempotency || unclaimed.delete(idempotency.key));
  }

  private async answerReplay({ idempotency, resolve, reject }: Submission): Promise<void> {
    try {
      if (!idempotency) throw new Error('a replay always has an Idempotency-Key');
      const [row] = await this.dataSource.query<{ request_hash: string; response_body: RegisteredAppeal }[]>(
        'SELECT request_hash, response_body FROM idempotency_keys WHERE scope = $1 AND key = $2',
        [IDEMPOTENCY_SCOPE, idempotency.key],
      );
      if (row.request_hash !== idempotency.requestHash) {
        throw new ConflictException('this Idempotency-Key was already used for a different request');
      }
      resolve(row.response_body);
    } catch (error) {
      reject(error);
    }
  }
}

function groupByYear(submissions: Submission[]): Map<number, Submission[]> {
  const years = new Map<number, Submission[]>();
  for (const submission of submissions) {
    const year = Number(submission.draft.registrationDate.slice(0, 4));
    years.set(year, [...(years.get(year) ?? []), submission]);
  }
  return years;
}

function resultOf(appeal: AppealEntity): RegisteredAppeal {
  return {
    id: appeal.id,
    registrationNumber: appeal.registrationNumber,
    trackingCode: appeal.trackingCode,
    status: appeal.status,
    registeredAt: appeal.registeredAt.toISOString(),
    registrationDate: appeal.registrationDate,
  };
}
