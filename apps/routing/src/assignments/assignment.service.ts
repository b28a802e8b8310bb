import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppealRegisteredV1, buildEnvelope, Envelope } from '@akimat/contracts';
import { OutboxService, SERVICE_CONFIG, ServiceConfig } from '@akimat/service-kit';
import { toHead, toUnitRef } from '../directory/unit.view';
import { RoutingTableCache } from '../rules/routing-table.cache';
import { AssignmentHistoryEntity } from './assignment-history.entity';
import { AssignmentEntity } from './assignment.entity';
import { decideRouting } from './routing-decision';

@Injectable()
export class AssignmentService {
  constructor(
    private readonly tables: RoutingTableCache,
    private readonly outbox: OutboxService,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  /**
   * Assigns a newly registered appeal (anonymous ones too: they must reach a unit), records the
   * decision and publishes `appeal.routed`, all in the consumer's transaction. An appeal already
   * assigned is left alone, so a redelivered or re-sent registration changes nothing.
   */
  async route(event: Envelope<'appeal.registered', AppealRegisteredV1>, manager: EntityManager): Promise<void> {
    const { data } = event;
    if (await manager.existsBy(AssignmentEntity, { appealId: data.appealId })) return;

    const { table, units } = await this.tables.current(manager);
    const decision = decideRouting(data, table);
    const unit = units.get(decision.unitCode);
    if (!unit) throw new Error(`triage unit ${decision.unitCode} is missing from the directory`);

    const routedAt = new Date();
    const registeredAt = new Date(data.registeredAt);
    await manager.insert(AssignmentEntity, {
      appealId: data.appealId,
      registrationNumber: data.registrationNumber,
      category: data.category,
      unitCode: unit.code,
      reason: decision.reason,
      ruleId: decision.rule?.id ?? null,
      ruleVersion: decision.rule?.version ?? null,
      registeredAt,
      answerRequired: data.answerRequired ?? true,
      deadlinesFrom: registeredAt,
      routedAt,
    });
    await manager.insert(AssignmentHistoryEntity, {
      appealId: data.appealId,
      kind: 'routed',
      unitCode: unit.code,
      fromUnitCode: null,
      ruleId: decision.rule?.id ?? null,
      ruleVersion: decision.rule?.version ?? null,
      reason: decision.reason,
      actorName: null,
      actorPosition: null,
      decidedAt: routedAt,
    });
    await this.outbox.add(
      manager,
      buildEnvelope(
        'appeal.routed',
        {
          appealId: data.appealId,
          registrationNumber: data.registrationNumber,
          category: data.category,
          routedAt: routedAt.toISOString(),
          unit: toUnitRef(unit),
          head: toHead(unit),
          reason: decision.reason,
          rule: decision.rule,
        },
        { producer: this.config.serviceName, correlationId: event.correlationId, subject: data.appealId },
      ),
    );
  }
}
