import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { KnownEnvelope } from '@akimat/contracts';
import { SERVICE_CONFIG } from '@akimat/service-kit';
import { Clock } from '../clock/clock';
import { DeliveryHolds } from '../clock/delivery-hold';
import { ContactBook } from '../contacts/contact-book.service';
import { enabledChannels, NotificationsConfig, QueuedChannel } from '../deliveries/delivery-settings';
import { TemplateRenderer } from '../templates/template-renderer';
import { deliveriesOf } from './notice';
import { noticesFor, NoticeContext } from './notice-recipients';

/** A delivery row waiting for its queue job. */
export interface QueuedDelivery {
  id: string;
  channel: QueuedChannel;
  deliverAfter: Date | null;
}

const NEEDS_RESIDENT = new Set(['appeal.brief_answered', 'appeal.full_answered', 'appeal.forwarded', 'appeal.extended']);
const NEEDS_CHIEF = new Set(['appeal.deadline_missed', 'appeal.reopened']);

/**
 * Turns one event into delivery rows, inside the consumer's transaction: in-app rows are shown at
 * once (a held one, from its `deliver_after`), e-mail and SMS rows wait for their queue. The unique
 * key makes a second try a no-op.
 */
@Injectable()
export class NoticePlanner {
  constructor(
    private readonly contacts: ContactBook,
    private readonly templates: TemplateRenderer,
    private readonly clock: Clock,
    private readonly holds: DeliveryHolds,
    @Inject(SERVICE_CONFIG) private readonly config: NotificationsConfig,
  ) {}

  async plan(event: KnownEnvelope, manager: EntityManager): Promise<QueuedDelivery[]> {
    const appealId = (event.data as { appealId: string }).appealId;
    const context: NoticeContext = {
      trackingUrl: this.config.PUBLIC_TRACKING_URL,
      resident: NEEDS_RESIDENT.has(event.type) ? await this.contacts.residentOf(appealId, manager) : undefined,
      chiefOfStaff: NEEDS_CHIEF.has(event.type) ? await this.contacts.chiefOfStaff(manager) : undefined,
    };
    const now = this.clock.now();
    const queued: QueuedDelivery[] = [];
    for (const notice of noticesFor(event, context)) {
      const { subject, body } = this.templates.render(notice.kind, notice.to.language, notice.model);
      for (const { channel, address } of deliveriesOf(notice, enabledChannels(this.config))) {
        const inApp = channel === 'in_app';
        const deliverAfter = this.holds.until({ kind: notice.kind, channel, audience: notice.audience }, now);
        const rows: { id: string }[] = await manager.query(
          `INSERT INTO deliveries (id, event_id, appeal_id, kind, audience, recipient, recipient_name, channel, language,
             subject, body, status, attempts, deliver_after, sent_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 0, $13, $14)
           ON CONFLICT ON CONSTRAINT uq_deliveries_event_kind_recipient_channel DO NOTHING RETURNING id`,
          [randomUUID(), event.id, appealId, notice.kind, notice.audience, address, notice.to.name, channel, notice.to.language,
            subject, body, inApp ? 'sent' : 'queued', deliverAfter, inApp ? (deliverAfter ?? now) : null],
        );
        if (!inApp && rows.length > 0) queued.push({ id: rows[0].id, channel, deliverAfter });
      }
    }
    return queued;
  }
}
