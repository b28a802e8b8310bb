import { Injectable } from '@nestjs/common';
import { KafkaContext } from '@nestjs/microservices';
import { EntityManager } from 'typeorm';
import { KnownEnvelope } from '@akimat/contracts';
import { EventConsumer } from '@akimat/service-kit';
import { AppealResident, ContactBook } from '../contacts/contact-book.service';
import { DeliveryQueue } from '../deliveries/delivery-queue.service';
import { NoticePlanner, QueuedDelivery } from './notice-planner.service';

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
    const queued: QueuedDelivery[] = [];
    const residents: AppealResident[] = [];
    const notify = async (event: KnownEnvelope, manager: EntityManager) => {
      // Each try starts afresh (only the committed one counts); should a commit itself fail, the ids
      // left point to no row and their jobs find nothing and end.
      const planned = await this.planner.plan(event, manager);
      queued.splice(0, queued.length, ...planned.queued);
      residents.splice(0, residents.length, ...(planned.resident ? [planned.resident] : []));
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
    if (queued.length === 0 && residents.length === 0) return;
    this.consumer.afterCommit(() => {
      this.contacts.keep(residents);
      this.queue.schedule(queued);
    });
  }
}
