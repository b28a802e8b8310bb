import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { AppealReassignedV1, AppealRoutedV1, Deadline, Envelope, KnownEnvelope, UnitRef } from '@akimat/contracts';
import { PermanentEventError } from '@akimat/service-kit';
import { AppealEntity } from '../appeals/appeal.entity';
import { transition } from '../lifecycle/appeal-lifecycle';
import { nextDueAt } from '../lifecycle/appeal-workflow';
import { appendTimelines, TimelineRecord } from '../timeline/timeline';

export type AssignmentEvent =
  | Envelope<'appeal.routed', AppealRoutedV1>
  | Envelope<'appeal.reassigned', AppealReassignedV1>;

export const ASSIGNMENT_EVENT_TYPES: ReadonlySet<KnownEnvelope['type']> = new Set([
  'appeal.routed',
  'appeal.reassigned',
]);

/** What routing decides about a card: the columns this read model writes. */
type Assignment = Pick<
  AppealEntity,
  | 'id'
  | 'status'
  | 'assignedUnitCode'
  | 'assignedUnitNameKk'
  | 'assignedUnitNameRu'
  | 'assignmentReason'
  | 'routedAt'
  | 'deadlines'
  | 'briefDueAt'
  | 'fullDueAt'
  | 'nextDueAt'
>;

/**
 * Keeps the card's read model of where routing sent the appeal and when its answers are due. A
 * Kafka batch's events are applied together, in delivery order: the cards are locked with one
 * statement, changed in memory, and written back with one statement, their timeline with another.
 */
@Injectable()
export class AppealAssignmentService {
  async recordAll(events: KnownEnvelope[], manager: EntityManager): Promise<void> {
    const assignments = events.filter((event): event is AssignmentEvent => ASSIGNMENT_EVENT_TYPES.has(event.type));
    if (assignments.length === 0) return;
    const cards = await this.lock(manager, assignments);
    const timeline = assignments.map((event) => this.apply(cards.get(event.data.appealId) as Assignment, event));
    await this.save(manager, [...cards.values()]);
    await appendTimelines(manager, timeline);
  }

  private apply(card: Assignment, event: AssignmentEvent): TimelineRecord {
    // A routed event for an appeal already forwarded or answered records the unit, not a step back.
    const moved = transition(card.status, 'route');
    if (moved.allowed) card.status = moved.to;
    if (event.type === 'appeal.routed') {
      const { data } = event;
      this.assign(card, data.unit, data.reason, new Date(data.routedAt));
      this.applyDeadlines(card, data.deadlines);
      return {
        appealId: card.id,
        kind: 'routed',
        at: new Date(data.routedAt),
        details: { unit: data.unit, deadlines: data.deadlines },
      };
    }
    const { data } = event;
    this.assign(card, data.unit, data.reason, new Date(data.reassignedAt));
    if (data.deadlines.length > 0) this.applyDeadlines(card, data.deadlines);
    return {
      appealId: card.id,
      kind: 'reassigned',
      at: new Date(data.reassignedAt),
      actorName: data.reassignedBy.name,
      details: { fromUnit: data.fromUnit, unit: data.unit, reason: data.reason },
    };
  }

  /** Locks the cards in id order (two batches touching the same cards cannot deadlock). */
  private async lock(manager: EntityManager, events: AssignmentEvent[]): Promise<Map<string, Assignment>> {
    const ids = [...new Set(events.map((event) => event.data.appealId))].sort();
    const cards = await manager.find(AppealEntity, {
      select: ['id', 'status', 'deadlines', 'briefDueAt', 'fullDueAt', 'nextDueAt'],
      where: { id: In(ids) },
      order: { id: 'ASC' },
      lock: { mode: 'pessimistic_write' },
    });
    const byId = new Map(cards.map((card) => [card.id, card as Assignment]));
    const unknown = ids.find((id) => !byId.has(id));
    if (unknown) throw new PermanentEventError(`appeal ${unknown} is unknown here`);
    return byId;
  }

  /** Only what routing decides, all cards with one statement. */
  private async save(manager: EntityManager, cards: Assignment[]): Promise<void> {
    await manager.query(
      `UPDATE appeals AS a
          SET status = c.status, assigned_unit_code = c.unit_code, assigned_unit_name_kk = c.unit_name_kk,
              assigned_unit_name_ru = c.unit_name_ru, assignment_reason = c.reason, routed_at = c.routed_at,
              deadlines = c.deadlines, brief_due_at = c.brief_due_at, full_due_at = c.full_due_at,
              next_due_at = c.next_due_at, updated_at = now()
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::timestamptz[],
                     $8::jsonb[], $9::timestamptz[], $10::timestamptz[], $11::timestamptz[])
           AS c(id, status, unit_code, unit_name_kk, unit_name_ru, reason, routed_at, deadlines, brief_due_at,
                full_due_at, next_due_at)
        WHERE a.id = c.id`,
      [
        cards.map((card) => card.id),
        cards.map((card) => card.status),
        cards.map((card) => card.assignedUnitCode),
        cards.map((card) => card.assignedUnitNameKk),
        cards.map((card) => card.assignedUnitNameRu),
        cards.map((card) => card.assignmentReason),
        cards.map((card) => card.routedAt),
        cards.map((card) => JSON.stringify(card.deadlines)),
        cards.map((card) => card.briefDueAt),
        cards.map((card) => card.fullDueAt),
        cards.map((card) => card.nextDueAt),
      ],
    );
  }

  private assign(card: Assignment, unit: UnitRef, reason: string, at: Date): void {
    card.assignedUnitCode = unit.code;
    card.assignedUnitNameKk = unit.nameKk;
    card.assignedUnitNameRu = unit.nameRu;
    card.assignmentReason = reason;
    card.routedAt = at;
  }

  private applyDeadlines(card: Assignment, deadlines: Deadline[]): void {
    card.deadlines = deadlines;
    card.briefDueAt = dueOf(deadlines, 'brief_answer');
    card.fullDueAt = dueOf(deadlines, 'full_answer');
    card.nextDueAt = nextDueAt(card);
  }
}

function dueOf(deadlines: Deadline[], kind: Deadline['kind']): Date | null {
  const deadline = deadlines.find((candidate) => candidate.kind === kind);
  return deadline ? new Date(deadline.dueAt) : null;
}
