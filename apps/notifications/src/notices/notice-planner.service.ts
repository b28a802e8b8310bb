import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { AppealRegisteredV1, Contact, KnownEnvelope } from '@akimat/contracts';
import { ContactSeal, SERVICE_CONFIG } from '@akimat/service-kit';
import { Clock } from '../clock/clock';
import { DeliveryHolds } from '../clock/delivery-hold';
import { AppealResident, ContactBook } from '../contacts/contact-book.service';
import { enabledChannels, NotificationsConfig } from '../deliveries/delivery-settings';
import { TemplateRenderer } from '../templates/template-renderer';
import { deliveriesOf } from './notice';
import { noticesFor, NoticeContext } from './notice-recipients';
import { PlannedDelivery, QueuedDelivery, writeEventRows } from './notice-rows.writer';

export type { QueuedDelivery } from './notice-rows.writer';

/** What one event planned: rows waiting for a queue job, and the resident it learned or looked up. */
export interface PlannedEvent {
  queued: QueuedDelivery[];
  resident?: AppealResident;
}

const NEEDS_RESIDENT = new Set([
  'appeal.brief_answered',
  'appeal.full_answered',
  'appeal.forwarded',
  'appeal.extended',
]);
const NEEDS_CHIEF = new Set(['appeal.deadline_missed', 'appeal.reopened']);

/**
 * Turns one event into delivery rows, inside the consumer's transaction: in-app rows are shown at
 * once (a held one, from its `deliver_after`), e-mail and SMS rows wait for their queue. Everything
 * the event writes goes in one statement.
 */
@Injectable()
export class NoticePlanner {
  constructor(
    private readonly contacts: ContactBook,
    private readonly templates: TemplateRenderer,
    private readonly clock: Clock,
    private readonly holds: DeliveryHolds,
    @Inject(SERVICE_CONFIG) private readonly config: NotificationsConfig,
  ) {
    this.seal = ContactSeal.fromEnv(config.RESIDENT_CONTACT_KEY);
  }

  private readonly seal: ContactSeal | undefined;

  async plan(event: KnownEnvelope, manager: EntityManager): Promise<PlannedEvent> {
    const appealId = (event.data as { appealId: string }).appealId;
    const registered = event.type === 'appeal.registered' && !event.data.anonymous ? event.data : undefined;
    const residentContact = registered && this.residentContactOf(registered);
    const contact =
      residentContact ??
      (NEEDS_RESIDENT.has(event.type) ? await this.contacts.residentOf(appealId, manager) : undefined);
    const context: NoticeContext = {
      trackingUrl: this.config.PUBLIC_TRACKING_URL,
      resident: contact,
      chiefOfStaff: NEEDS_CHIEF.has(event.type) ? await this.contacts.chiefOfStaff(manager) : undefined,
    };
    const now = this.clock.now();
    const rows: PlannedDelivery[] = [];
    for (const notice of noticesFor(event, context)) {
      const { subject, body } = this.templates.render(notice.kind, notice.to.language, notice.model);
      for (const { channel, address } of deliveriesOf(notice, enabledChannels(this.config))) {
        rows.push({
          id: randomUUID(),
          kind: notice.kind,
          audience: notice.audience,
          recipient: address,
          recipientName: notice.to.name,
          channel,
          language: notice.to.language,
          subject,
          body,
          deliverAfter: this.holds.until({ kind: notice.kind, channel, audience: notice.audience }, now),
        });
      }
    }
    const remember = registered &&
      residentContact && {
        registrationNumber: registered.registrationNumber,
        contact: residentContact,
      };
    const queued =
      rows.length > 0 || remember
        ? await writeEventRows(
            manager,
            { id: event.id, appealId, correlationId: event.correlationId, now },
            rows,
            remember,
          )
        : [];
    return { queued, resident: contact && { appealId, contact } };
  }

  /** The resident's contact, its phone and e-mail opened when appeals sealed them (a wrong key throws: the event is retried, then dead-lettered). */
  private residentContactOf(registered: AppealRegisteredV1): Contact | undefined {
    if (!registered.resident || !registered.sealedContact) return registered.resident;
    if (!this.seal) throw new Error('appeal.registered carries a sealed contact but RESIDENT_CONTACT_KEY is not set');
    return { ...registered.resident, ...this.seal.open(registered.sealedContact) };
  }
}
