import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppealReassignedV1, AppealRoutedV1, Deadline, Envelope, UnitRef } from '@akimat/contracts';
import { PermanentEventError } from '@akimat/service-kit';
import { AppealEntity } from '../appeals/appeal.entity';
import { transition } from '../lifecycle/appeal-lifecycle';
import { nextDueAt } from '../lifecycle/appeal-workflow';
import { appendTimeline } from '../timeline/timeline';

/** Keeps the card's read model of where routing sent the appeal and when its answers are due. */
@Injectable()
export class AppealAssignmentService {
  async recordRouting(event: Envelope<'appeal.routed', AppealRoutedV1>, manager: EntityManager): Promise<void> {
    const { data } = event;
    const appeal = await this.lock(manager, data.appealId);
    // A routed event for an appeal already forwarded or answered records the unit, not a step back.
    const moved = transition(appeal.status, 'route');
    if (moved.allowed) appeal.status = moved.to;
    this.assign(appeal, data.unit, data.reason, new Date(data.routedAt));
    this.applyDeadlines(appeal, data.deadlines);
    await this.saveAssignment(manager, appeal);
    await appendTimeline(manager, {
      appealId: appeal.id,
      kind: 'routed',
      at: new Date(data.routedAt),
      details: { unit: data.unit, deadlines: data.deadlines },
    });
  }

  async recordReassignment(
    event: Envelope<'appeal.reassigned', AppealReassignedV1>,
    manager: EntityManager,
  ): Promise<void> {
    const { data } = event;
    const appeal = await this.lock(manager, data.appealId);
    const moved = transition(appeal.status, 'route');
    if (moved.allowed) appeal.status = moved.to;
    this.assign(appeal, data.unit, data.reason, new Date(data.reassignedAt));
    if (data.deadlines.length > 0) this.applyDeadlines(appeal, data.deadlines);
    await this.saveAssignment(manager, appeal);
    await appendTimeline(manager, {
      appealId: appeal.id,
      kind: 'reassigned',
      at: new Date(data.reassignedAt),
      actorName: data.reassignedBy.name,
      details: { fromUnit: data.fromUnit, unit: data.unit, reason: data.reason },
    });
  }

  private async lock(manager: EntityManager, appealId: string): Promise<AppealEntity> {
    const appeal = await manager.findOne(AppealEntity, {
      where: { id: appealId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!appeal) throw new PermanentEventError(`appeal ${appealId} is unknown here`);
    return appeal;
  }

  /** Only what routing decides; `save` would read the locked row again to find what changed. */
  private async saveAssignment(manager: EntityManager, appeal: AppealEntity): Promise<void> {
    await manager.update(AppealEntity, appeal.id, {
      status: appeal.status,
      assignedUnitCode: appeal.assignedUnitCode,
      assignedUnitNameKk: appeal.assignedUnitNameKk,
      assignedUnitNameRu: appeal.assignedUnitNameRu,
      assignmentReason: appeal.assignmentReason,
      routedAt: appeal.routedAt,
      deadlines: appeal.deadlines,
      briefDueAt: appeal.briefDueAt,
      fullDueAt: appeal.fullDueAt,
      nextDueAt: appeal.nextDueAt,
    });
  }

  private assign(appeal: AppealEntity, unit: UnitRef, reason: string, at: Date): void {
    appeal.assignedUnitCode = unit.code;
    appeal.assignedUnitNameKk = unit.nameKk;
    appeal.assignedUnitNameRu = unit.nameRu;
    appeal.assignmentReason = reason;
    appeal.routedAt = at;
  }

  private applyDeadlines(appeal: AppealEntity, deadlines: Deadline[]): void {
    appeal.deadlines = deadlines;
    appeal.briefDueAt = dueOf(deadlines, 'brief_answer');
    appeal.fullDueAt = dueOf(deadlines, 'full_answer');
    appeal.nextDueAt = nextDueAt(appeal);
  }
}

function dueOf(deadlines: Deadline[], kind: Deadline['kind']): Date | null {
  const deadline = deadlines.find((candidate) => candidate.kind === kind);
  return deadline ? new Date(deadline.dueAt) : null;
}
