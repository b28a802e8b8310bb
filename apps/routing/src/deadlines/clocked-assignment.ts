import { Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AssignmentEntity } from '../assignments/assignment.entity';

const logger = new Logger('ClockedAssignment');

/**
 * The assignment of an appeal whose clocks run, or null: none run when no answer is required (an
 * anonymous appeal), nor for an appeal routing never saw (logged: its events came without a registration).
 */
export async function clockedAssignment(manager: EntityManager, appealId: string): Promise<AssignmentEntity | null> {
  const assignment = await manager.findOneBy(AssignmentEntity, { appealId });
  if (!assignment) logger.warn({ msg: 'lifecycle event for an appeal routing never saw', appealId });
  return assignment?.answerRequired ? assignment : null;
}
