import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppealRegisteredV1, buildEnvelope, Envelope } from '@akimat/contracts';
import { BatchCollector, OutboxService, SERVICE_CONFIG, ServiceConfig } from '@akimat/service-kit';
import { AnswerClocks } from '../deadlines/answer-clocks.service';
import { toHead, toUnitRef } from '../directory/unit.view';
import { RoutingTableCache } from '../rules/routing-table.cache';
import { decideRouting, RoutingDecision } from './routing-decision';

type Registration = Envelope<'appeal.registered', AppealRegisteredV1>;

/**
 * Assigns newly registered appeals (anonymous ones too: they must reach a unit), records each
 * decision and publishes `appeal.routed`, all in the consumer's transaction. The registrations of
 * one Kafka batch are routed together, a few statements for the whole batch (this is the hot path).
 * An appeal already assigned is left alone, so a redelivered or re-sent registration changes
 * nothing. The answer clocks start in the same transaction and their due times travel in the event.
 */
@Injectable()
export class AssignmentService {
  private readonly registrations = new BatchCollector<Registration>((events, manager) =>
    this.routeAll(events, manager),
  );

  constructor(
    private readonly tables: RoutingTableCache,
    private readonly outbox: OutboxService,
    private readonly clocks: AnswerClocks,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  /** Routes the appeal now, or with the rest of its Kafka batch just before the batch commits. */
  route(event: Registration, manager: EntityManager): Promise<void> {
    return this.registrations.add(event, manager);
  }

  /** Routes what the current batch has collected: any other event about these appeals must come after it. */
  routeCollected(): Promise<void> {
    return this.registrations.flush();
  }

  private async routeAll(events: Registration[], manager: EntityManager): Promise<void> {
    const { table, units } = await this.tables.current(manager);
    const routedAt = new Date();
    const decided = uniqueByAppeal(events).map((event) => {
      const decision: RoutingDecision = decideRouting(event.data, table);
      const unit = units.get(decision.unitCode);
      if (!unit) throw new Error(`triage unit ${decision.unitCode} is missing from the directory`);
      return { event, decision, unit };
    });

    // One statement for the assignments and their first history rows; ON CONFLICT makes a
    // re-sent registration a no-op, and RETURNING says which appeals are new.
    const recorded: { appeal_id: string }[] = await manager.query(
      `WITH decided AS (
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::uuid[], $7::int[],
                              $8::timestamptz[], $9::boolean[], $11::text[])
           AS d(appeal_id, registration_number, category, unit_code, reason, rule_id, rule_version, registered_at,
                answer_required, correlation_id)
       ), assigned AS (
         INSERT INTO assignments (appeal_id, registration_number, category, unit_code, reason, rule_id, rule_version,
                                  registered_at, answer_required, deadlines_from, routed_at, correlation_id)
         SELECT appeal_id, registration_number, category, unit_code, reason, rule_id, rule_version,
                registered_at, answer_required, registered_at, $10, correlation_id FROM decided
         ON CONFLICT (appeal_id) DO NOTHING
         RETURNING appeal_id, unit_code, rule_id, rule_version, reason, routed_at
       )
       INSERT INTO assignment_history (appeal_id, kind, unit_code, rule_id, rule_version, reason, decided_at)
       SELECT appeal_id, 'routed', unit_code, rule_id, rule_version, reason, routed_at FROM assigned
       RETURNING appeal_id`,
      [
        decided.map(({ event }) => event.data.appealId),
        decided.map(({ event }) => event.data.registrationNumber),
        decided.map(({ event }) => event.data.category),
        decided.map(({ unit }) => unit.code),
        decided.map(({ decision }) => decision.reason),
        decided.map(({ decision }) => decision.rule?.id ?? null),
        decided.map(({ decision }) => decision.rule?.version ?? null),
        decided.map(({ event }) => event.data.registeredAt),
        decided.map(({ event }) => event.data.answerRequired ?? true),
        routedAt,
        decided.map(({ event }) => event.correlationId),
      ],
    );
    const fresh = new Set(recorded.map((row) => row.appeal_id));
    const routed = decided.filter(({ event }) => fresh.has(event.data.appealId));
    if (routed.length === 0) return;

    const deadlines = await this.clocks.startOnRouting(
      manager,
      routed.map(({ event }) => ({
        appealId: event.data.appealId,
        answerRequired: event.data.answerRequired ?? true,
        deadlinesFrom: new Date(event.data.registeredAt),
      })),
    );
    await this.outbox.add(
      manager,
      ...routed.map(({ event, decision, unit }) =>
        buildEnvelope(
          'appeal.routed',
          {
            appealId: event.data.appealId,
            registrationNumber: event.data.registrationNumber,
            category: event.data.category,
            routedAt: routedAt.toISOString(),
            unit: toUnitRef(unit),
            head: toHead(unit),
            reason: decision.reason,
            rule: decision.rule,
            deadlines: deadlines.get(event.data.appealId) ?? [],
          },
          { producer: this.config.serviceName, correlationId: event.correlationId, subject: event.data.appealId },
        ),
      ),
    );
  }
}

/** The same registration twice in one batch (a re-send) is routed once. */
function uniqueByAppeal(events: Registration[]): Registration[] {
  const seen = new Set<string>();
  return events.filter(({ data }) => !seen.has(data.appealId) && seen.add(data.appealId));
}
