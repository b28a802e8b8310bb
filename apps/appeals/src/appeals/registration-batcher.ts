import { ConflictException, Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { SERVICE_CONFIG, ServiceConfig } from '@akimat/service-kit';
import { AppealsEnv } from '../app/appeals-env.schema';
import { requestHash } from '../idempotency/idempotency-key';
import { appendTimelines } from '../timeline/timeline';
import { AppealEventPublisher } from './appeal-event.publisher';
import { registeredEventData } from './appeal-events';
import { AppealEntity } from './appeal.entity';
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

  constructor(
    private readonly dataSource: DataSource,
    private readonly events: AppealEventPublisher,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig<AppealsEnv>,
  ) {}

  submit(draft: AppealDraft, correlationId: string, idempotencyKey: string | undefined, request: unknown): Promise<RegisteredAppeal> {
    return new Promise((resolve, reject) => {
      const idempotency = idempotencyKey ? { key: idempotencyKey, requestHash: requestHash(request) } : undefined;
      this.queue.push({ draft, correlationId, idempotency, resolve, reject });
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
    for (const [submission, result] of outcome.registered) submission.resolve(result);
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
      const first = await reserveRegistrationSequences(manager, this.config.REGISTRATION_PREFIX, year, submissions.length);
      submissions.forEach((submission, i) => {
        const appeal = manager.create(AppealEntity, {
          ...submission.draft,
          registrationNumber: formatRegistrationNumber(this.config.REGISTRATION_PREFIX, year, first + i),
        });
        appealOf.set(submission, appeal);
        registered.set(submission, resultOf(appeal));
      });
    }
    const appeals = fresh.map((submission) => appealOf.get(submission)!);
    await manager.insert(AppealEntity, appeals);
    await appendTimelines(
      manager,
      appeals.map((appeal) => ({ appealId: appeal.id, kind: 'registered', at: appeal.registeredAt, actorName: appeal.receivedByName })),
    );
    await this.events.publishMany(
      manager,
      fresh.map((submission, i) => ({
        type: 'appeal.registered' as const,
        data: registeredEventData(appeals[i]),
        origin: { subject: appeals[i].id, correlationId: submission.correlationId, occurredAt: appeals[i].registeredAt },
      })),
    );
    for (const submission of fresh) {
      if (!submission.idempotency) continue;
      await manager.query('UPDATE idempotency_keys SET response_body = $3 WHERE scope = $1 AND key = $2', [
        IDEMPOTENCY_SCOPE,
        submission.idempotency.key,
        JSON.stringify(registered.get(submission)),
      ]);
    }
    return { registered, replays };
  }

  /**
   * Claims each submission's key; returns the submissions that do the work. A key taken earlier
   * (or by a racing request, once it commits — the INSERT waits for it) or repeated within the
   * batch makes its submission a replay of the first answer.
   */
  private async claimIdempotencyKeys(manager: EntityManager, batch: Submission[]): Promise<Submission[]> {
    const keyed = batch.filter((submission) => submission.idempotency);
    if (keyed.length === 0) return batch;
    const keys = [...new Set(keyed.map((submission) => submission.idempotency!.key))];
    const hashes = keys.map((key) => keyed.find((submission) => submission.idempotency!.key === key)!.idempotency!.requestHash);
    const rows: { key: string }[] = await manager.query(
      `INSERT INTO idempotency_keys (scope, key, request_hash)
       SELECT $1, key, hash FROM unnest($2::text[], $3::text[]) AS claimed(key, hash)
       ON CONFLICT DO NOTHING RETURNING key`,
      [IDEMPOTENCY_SCOPE, keys, hashes],
    );
    const unclaimed = new Set(rows.map((row) => row.key));
    return batch.filter((submission) => {
      if (!submission.idempotency) return true;
      return unclaimed.delete(submission.idempotency.key);
    });
  }

  private async answerReplay(submission: Submission): Promise<void> {
    try {
      const [row] = await this.dataSource.query<{ request_hash: string; response_body: RegisteredAppeal }[]>(
        'SELECT request_hash, response_body FROM idempotency_keys WHERE scope = $1 AND key = $2',
        [IDEMPOTENCY_SCOPE, submission.idempotency!.key],
      );
      if (row.request_hash !== submission.idempotency!.requestHash) {
        throw new ConflictException('this Idempotency-Key was already used for a different request');
      }
      submission.resolve(row.response_body);
    } catch (error) {
      submission.reject(error);
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
