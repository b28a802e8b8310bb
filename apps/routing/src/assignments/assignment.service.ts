import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppealRegisteredV1, buildEnvelope, Envelope } from '@akimat/contracts';
import { OutboxService, SERVICE_CONFIG, ServiceConfig } from '@akimat/service-kit';
import { AnswerClocks } from '../deadlines/answer-clocks.service';
import { toHead, toUnitRef } from '../directory/unit.view';
import { RoutingTableCache } from '../rules/routing-table.cache';
import { decideRouting } from './routing-decision';

@Injectable()
export class AssignmentService {
  constructor(
    private readonly tables: RoutingTableCache,
    private readonly outbox: OutboxService,
    private readonly clocks: AnswerClocks,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  /**
   * Assigns a newly registered appeal (anonymous ones too: they must reach a unit), records the
   * decision and publishes `appeal.routed`, all in the consumer's transaction. An appeal already
   * assigned is left alone, so a redelivered or re-sent registration changes nothing. The answer clocks
 * start in the same transaction and their due times travel in the event.
   */
  async route(event: Envelope<'appeal.registered', AppealRegisteredV1>, manager: EntityManager): Promise<void> {
    const { data } = event;
    const { table, units } = await this.tables.current(manager);
    const decision = decideRouting(data, table);
    const unit = units.get(decision.unitCode);
    if (!unit) throw new Error(`triage unit ${decision.unitCode} is missing from the directory`);

    const routedAt = new Date();
    // One statement for the assignment and its first history row (this is the hot path: every
    // round trip counts at 1,000 appeals/s); ON CONFLICT makes a re-sent registration a no-op.
    const recorded: unknown[] = await manager.query(
      `WITH assigned AS (
         INSERT INTO assignments (appeal_id, registration_number, category, unit_code, reason, rule_id, rule_version,
                                  registered_at, answer_required, deadlines_from, routed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $8, $10)
         ON CONFLICT (appeal_id) DO NOTHING
         RETURNING appeal_id, unit_code, rule_id, rule_version, reason, routed_at
       )
       INSERT INTO assignment_history (appeal_id, kind, unit_code, rule_id, rule_version, reason, decided_at)
       SELECT appeal_id, 'routed', unit_code, rule_id, rule_version, reason, routed_at FROM assigned
       RETURNING appeal_id`,
      [
        data.appealId,
        data.registrationNumber,
        data.category,
        unit.code,
        decision.reason,
        decision.rule?.id ?? null,
        decision.rule?.version ?? null,
        data.registeredAt,
        data.answerRequired ?? true,
        routedAt,
      ],
    );
    if (recorded.length === 0) return;
    const deadlines = await this.clocks.startOnRouting(manager, {
      appealId: data.appealId,
      answerRequired: data.answerRequired ?? true,
      deadlinesFrom: new Date(data.registeredAt),
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
          deadlines,
        },
        { producer: this.config.serviceName, correlationId: event.correlationId, subject: data.appealId },
      ),
    );
  }
}
