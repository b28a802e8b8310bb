import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, Payload } from '@nestjs/microservices';
import { EntityManager } from 'typeorm';
import { physicalTopic, TOPICS } from '@akimat/contracts';
import { EventConsumer } from '@akimat/service-kit';
import { AnswerClocks } from '../deadlines/answer-clocks.service';
import { AssignmentService } from './assignment.service';

@Controller()
export class AppealEventsConsumer {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly assignments: AssignmentService,
    private readonly clocks: AnswerClocks,
  ) {}

  @EventPattern(physicalTopic(TOPICS.appealEvents))
  onAppealEvent(@Payload() value: unknown, @Ctx() context: KafkaContext): Promise<void> {
    return this.consumer.consume(value, context, {
      'appeal.registered': (event, manager) => this.assignments.route(event, manager),
      'appeal.brief_answered': this.afterRouting((event, manager) =>
        this.clocks.stop(manager, event.subject, ['brief_answer']),
      ),
      // A full answer also answers the brief one, and ends the forwarding and extension-notice duties.
      'appeal.full_answered': this.afterRouting((event, manager) => this.clocks.stop(manager, event.subject)),
      // Forwarding ends the appeal's road here: every clock stops, the forwarding term's included.
      'appeal.forwarded': this.afterRouting((event, manager) => this.clocks.stop(manager, event.subject)),
      'appeal.closed': this.afterRouting((event, manager) => this.clocks.stop(manager, event.subject)),
      'appeal.extended': this.afterRouting((event, manager) => this.clocks.extend(manager, event.data)),
      'appeal.reopened': this.afterRouting((event, manager) => this.clocks.reopen(manager, event.data)),
      'appeal.outside_competence': this.afterRouting((event, manager) =>
        this.clocks.startForwarding(manager, event.data),
      ),
      'appeal.extension_notified': this.afterRouting((event, manager) =>
        this.clocks.stop(manager, event.subject, ['extension_notice']),
      ),
    });
  }

  /** Registrations earlier in the same Kafka batch are routed (their clocks exist) before `handle` runs. */
  private afterRouting<E>(handle: (event: E, manager: EntityManager) => Promise<void>) {
    return async (event: E, manager: EntityManager): Promise<void> => {
      await this.assignments.routeCollected();
      await handle(event, manager);
    };
  }
}
