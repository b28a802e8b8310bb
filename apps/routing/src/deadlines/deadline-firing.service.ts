import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { buildEnvelope, Envelope, EventType } from '@akimat/contracts';
import { OutboxService, SERVICE_CONFIG, ServiceConfig } from '@akimat/service-kit';
import { AssignmentEntity } from '../assignments/assignment.entity';
import { directorySeed } from '../directory/directory-seed';
import { UnitEntity } from '../directory/unit.entity';
import { toHead, toUnitRef } from '../directory/unit.view';
import { clockEventId, ClockKey } from './clock-job';
import { clockMetrics, FiringResult } from './clock-metrics';
import { AnswerKind, DUE } from './clock-plan';

export type FiringOutcome = 'published' | 'skipped';

interface FiredRow {
  appeal_id: string;
  kind: AnswerKind;
  reminder: string;
  due_at: Date;
  late_seconds: number;
}

/**
 * Fires one clock: claims the row (pending → fired) and writes the event to the outbox in one
 * transaction. A clock already fired, or cancelled because the answer came, is skipped — so a
 * late job, a duplicate job, or a second instance never publishes a second or a false event. The
 * event id is derived from the clock, so even a replayed outbox row is one event to consumers.
 */
@Injectable()
export class DeadlineFiring {
  private readonly logger = new Logger(DeadlineFiring.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  async fire(clockId: string): Promise<FiringOutcome> {
    const fired = await this.dataSource.transaction(async (manager) => {
      const [claimed]: [FiredRow[], number] = await manager.query(
        `UPDATE deadline_clocks SET state = 'fired', fired_at = now()
          WHERE id = $1 AND state = 'pending'
          RETURNING appeal_id, kind, reminder, due_at, extract(epoch FROM fired_at - fire_at)::float8 AS late_seconds`,
        [clockId],
      );
      if (claimed.length === 0) return null;
      const event = await this.eventOf(manager, claimed[0]);
      await this.outbox.add(manager, event);
      return { ...claimed[0], event };
    });
    if (!fired) {
      clockMetrics.fired.inc({ kind: await this.kindOf(clockId), outcome: 'skipped' satisfies FiringResult });
      return 'skipped';
    }
    const result: FiringResult = fired.reminder === DUE ? 'missed' : 'approaching';
    clockMetrics.fired.inc({ kind: fired.kind, outcome: result });
    clockMetrics.lateness.observe({ kind: fired.kind }, Math.max(0, fired.late_seconds));
    this.logger.log({
      msg: 'deadline clock fired',
      type: fired.event.type,
      appealId: fired.appeal_id,
      kind: fired.kind,
      reminder: fired.reminder,
      correlationId: fired.event.correlationId,
    });
    return 'published';
  }

  /** The kind of a clock that did not fire, for the metrics; `unknown` when its row is gone. */
  private async kindOf(clockId: string): Promise<string> {
    const rows: { kind: string }[] = await this.dataSource.query('SELECT kind FROM deadline_clocks WHERE id = $1', [
      clockId,
    ]);
    return rows[0]?.kind ?? 'unknown';
  }

  private async eventOf(manager: EntityManager, row: FiredRow): Promise<Envelope<EventType>> {
    const assignment = await manager.findOneByOrFail(AssignmentEntity, { appealId: row.appeal_id });
    const unit = await manager.findOneByOrFail(UnitEntity, { code: assignment.unitCode });
    const clock: ClockKey = {
      appealId: row.appeal_id,
      kind: row.kind,
      reminder: row.reminder,
      dueAt: new Date(row.due_at),
    };
    const facts = {
      appealId: assignment.appealId,
      registrationNumber: assignment.registrationNumber,
      category: assignment.category,
      unit: toUnitRef(unit),
      head: toHead(unit),
      deadline: row.kind,
      dueAt: clock.dueAt.toISOString(),
    };
    const origin = {
      producer: this.config.serviceName,
      // The registering request's id, so the appeal's whole story greps as one; older rows have none.
      correlationId: assignment.correlationId ?? `deadline-${clockEventId(clock)}`,
      subject: row.appeal_id,
    };
    const event =
      row.reminder === DUE
        ? buildEnvelope(
            'appeal.deadline_missed',
            { ...facts, escalatedTo: await this.escalationOf(manager, row.kind) },
            origin,
          )
        : buildEnvelope('appeal.deadline_approaching', { ...facts, reminder: row.reminder }, origin);
    return { ...event, id: clockEventId(clock) };
  }

  /** A missed full answer goes up to the chief of staff, the head of the triage unit. */
  private async escalationOf(manager: EntityManager, kind: AnswerKind) {
    if (kind !== 'full_answer') return undefined;
    return toHead(await manager.findOneByOrFail(UnitEntity, { code: directorySeed.triageUnitCode }));
  }
}
