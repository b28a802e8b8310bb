import { ConflictException, NotFoundException } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppealEntity } from '../appeals/appeal.entity';
import { AppealAction, AppealStatus, transition } from './appeal-lifecycle';

/**
 * Loads the appeal row locked for this transaction and checks that the action is allowed from its
 * status; concurrent actions on one appeal queue here instead of both passing the check.
 */
export async function lockForAction(
  manager: EntityManager,
  appealId: string,
  action: AppealAction,
): Promise<{ appeal: AppealEntity; next: AppealStatus }> {
  const appeal = await manager.findOne(AppealEntity, { where: { id: appealId }, lock: { mode: 'pessimistic_write' } });
  if (!appeal) throw new NotFoundException(`appeal ${appealId} not found`);
  const result = transition(appeal.status, action);
  if (!result.allowed) throw new ConflictException(result.reason);
  return { appeal, next: result.to };
}

/** The due time of the answer the unit owes next: the brief one first, then the full one. */
export function nextDueAt(appeal: Pick<AppealEntity, 'status' | 'briefDueAt' | 'fullDueAt'>): Date | null {
  switch (appeal.status) {
    case 'registered':
    case 'assigned':
      return appeal.briefDueAt ?? appeal.fullDueAt;
    case 'brief_answered':
    case 'reopened':
      return appeal.fullDueAt;
    default:
      return null;
  }
}
