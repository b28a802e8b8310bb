import { Injectable } from '@nestjs/common';
import { KafkaContext } from '@nestjs/microservices';
import { EntityManager } from 'typeorm';
import { KnownEnvelope } from '@akimat/contracts';
import { EventConsumer } from '@akimat/service-kit';
import { ContactBook } from '../contacts/contact-book.service';
import { DeliveryQueue } from '../deliveries/delivery-queue.service';
import { NoticePlanner } from './notice-planner.service';

/**
 * Applies an event once (rows written in the consumer's transaction), then schedules the new
 * deliveries' jobs after the commit, so a job never looks for a row that is not there yet. If the
 * process dies between the two, the rows stay `queued` and the reconciler enqueues them.
 */
@Injectable()
export class NoticeEvents {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly contacts: ContactBook,
    private readonly planner: NoticePlanner,
    private readonly queue: DeliveryQueue,
  ) {}

  async consume(value: unknown, context: KafkaContext): Promise<void> {
    const notify = async (event: KnownEnvelope, manager: EntityManager) => {
      const { queued, resident } = await this.planner.plan(event, manager);
      if (queued.length === 0 && !resident) return;
      // Tied to this try's commit: a try that rolls back caches and queues nothing.
      this.consumer.afterCommit(() => {
        if (resident) this.contacts.keep([resident]);
        this.queue.schedule(queued);
      });
    };
    await this.consumer.consume(value, context, {
      'appeal.registered': notify,
      'appeal.routed': notify,
      'appeal.reassigned': notify,
      'appeal.deadline_approaching': notify,
      'appeal.deadline_missed': notify,
      'appeal.brief_answered': notify,
      'appeal.full_answered': notify,
      'appeal.forwarded': notify,
      'appeal.extended': notify,
      'appeal.reopened': notify,
      'directory.unit_changed': (event, manager) => this.contacts.applyUnit(event.data, manager),
    });
  }
}
