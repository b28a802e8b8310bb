import { ConflictException, ForbiddenException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { buildEnvelope } from '@akimat/contracts';
import {
  AuditTrail,
  OutboxService,
  SERVICE_CONFIG,
  ServiceConfig,
  type StaffIdentity,
  staffLabel,
  staffOf,
  unitScopeOf,
} from '@akimat/service-kit';
import { RoutingEnv } from '../app/routing-env.schema';
import { AnswerClocks } from '../deadlines/answer-clocks.service';
import { requireActiveUnit } from '../directory/active-unit';
import { directorySeed } from '../directory/directory-seed';
import { UnitEntity } from '../directory/unit.entity';
import { toHead, toUnitRef } from '../directory/unit.view';
import { AssignmentHistoryEntity } from './assignment-history.entity';
import { AssignmentEntity } from './assignment.entity';
import { AssignmentQueries } from './assignment.queries';
import { AssignmentView } from './assignment.view';
import { ReassignDto } from './dto/reassign.dto';

/**
 * Moves an appeal to another unit, keeping the history: leadership sends it anywhere; a unit head only
 * hands his own unit's appeal back to the triage desk ("not ours"), where the chief of staff decides.
 */
@Injectable()
export class ReassignmentService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly queries: AssignmentQueries,
    private readonly clocks: AnswerClocks,
    private readonly trail: AuditTrail,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig<RoutingEnv>,
  ) {}

  async reassign(
    appealId: string,
    dto: ReassignDto,
    staff: StaffIdentity,
    correlationId: string,
  ): Promise<AssignmentView> {
    const actor = staffOf(staff);
    const ownUnit = unitScopeOf(staff);
    await this.dataSource.transaction(async (manager) => {
      const assignment = await manager.findOne(AssignmentEntity, {
        where: { appealId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!assignment || (ownUnit !== null && assignment.unitCode !== ownUnit)) {
        throw new NotFoundException(`no assignment for appeal ${appealId}`);
      }
      if (ownUnit !== null && dto.targetUnitCode !== directorySeed.triageUnitCode) {
        throw new ForbiddenException(
          `a unit head hands an appeal back to the triage desk (${directorySeed.triageUnitCode}); the chief of staff chooses the next unit`,
        );
      }
      const target = await requireActiveUnit(manager, dto.targetUnitCode);
      if (target.code === assignment.unitCode) {
        throw new ConflictException(`appeal ${appealId} is already with "${target.code}"`);
      }
      const from = await manager.findOneByOrFail(UnitEntity, { code: assignment.unitCode });

      const now = new Date();
      const reason = `reassigned by ${staffLabel(actor)}: ${dto.reason}`;
      await manager.update(
        AssignmentEntity,
        { appealId },
        {
          unitCode: target.code,
          reason: reason.slice(0, 2000),
          ruleId: null,
          ruleVersion: null,
          deadlinesFrom: this.config.REASSIGNMENT_RESTARTS_DEADLINES ? now : assignment.deadlinesFrom,
        },
      );
      await manager.insert(AssignmentHistoryEntity, {
        appealId,
        kind: 'reassigned',
        unitCode: target.code,
        fromUnitCode: from.code,
        ruleId: null,
        ruleVersion: null,
        reason: dto.reason,
        actorName: actor.name,
        actorPosition: actor.position ?? null,
        decidedAt: now,
      });
      const deadlines = this.config.REASSIGNMENT_RESTARTS_DEADLINES
        ? await this.clocks.restart(manager, appealId, now)
        : await this.clocks.openDeadlines(manager, appealId);
      await this.outbox.add(
        manager,
        buildEnvelope(
          'appeal.reassigned',
          {
            appealId,
            registrationNumber: assignment.registrationNumber,
            category: assignment.category,
            reassignedAt: now.toISOString(),
            fromUnit: toUnitRef(from),
            unit: toUnitRef(target),
            head: toHead(target),
            reason: dto.reason,
            reassignedBy: actor,
            deadlines,
          },
          { producer: this.config.serviceName, correlationId, subject: appealId },
        ),
      );
      // Who moved it, committed with the move.
      await this.trail.storeWithin(manager);
    });
    return this.queries.explain(appealId);
  }
}
