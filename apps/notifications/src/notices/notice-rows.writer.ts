import { EntityManager } from 'typeorm';
import { Contact } from '@akimat/contracts';
import { PreparedStatement, runPrepared } from '../database/prepared-statement';
import { QueuedChannel } from '../deliveries/delivery-settings';
import { Audience, Channel, Language, NoticeKind } from './notice';

/** One delivery row as the planner built it, before it is written. */
export interface PlannedDelivery {
  id: string;
  kind: NoticeKind;
  audience: Audience;
  recipient: string;
  recipientName: string;
  channel: Channel;
  language: Language;
  subject: string;
  body: string;
  deliverAfter: Date | null;
}

/** A delivery row waiting for its queue job. */
export interface QueuedDelivery {
  id: string;
  channel: QueuedChannel;
  deliverAfter: Date | null;
}

const REMEMBER_RESIDENT = `resident AS (
  INSERT INTO appeal_residents (appeal_id, registration_number, name, email, phone, language)
  SELECT $2::uuid, registration_number, name, email, phone, language
  FROM (VALUES ($14::text, $15::text, $16::text, $17::text, $18::text)) AS r(registration_number, name, email, phone, language)
  WHERE $14::text IS NOT NULL
  ON CONFLICT (appeal_id) DO NOTHING)`;

// One statement per event (one round trip in the consumer's transaction): the resident's contact
// when the event carries one, and every delivery row. The unique key makes a second try a no-op.
const WRITE_EVENT_ROWS: PreparedStatement = {
  name: 'notifications_write_event_rows',
  text: `WITH ${REMEMBER_RESIDENT}
  INSERT INTO deliveries (id, event_id, appeal_id, kind, audience, recipient, recipient_name, channel, language,
    subject, body, status, attempts, deliver_after, sent_at, correlation_id)
  SELECT id, $1::uuid, $2::uuid, kind, audience, recipient, recipient_name, channel, language, subject, body,
    CASE WHEN channel = 'in_app' THEN 'sent' ELSE 'queued' END, 0, deliver_after,
    CASE WHEN channel = 'in_app' THEN coalesce(deliver_after, $13::timestamptz) END, $19::text
  FROM unnest($3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::timestamptz[])
    AS r(id, kind, audience, recipient, recipient_name, channel, language, subject, body, deliver_after)
  ON CONFLICT ON CONSTRAINT uq_deliveries_event_kind_recipient_channel DO NOTHING
  RETURNING id, channel, deliver_after`,
};

/**
 * Writes what one event causes in one round trip: the delivery rows and, for `appeal.registered`,
 * the resident's contact (later events about the appeal do not carry it). Returns the rows that
 * are new and wait for a queue job; in-app rows are `sent` when written (a held one from its
 * `deliver_after`, which the inbox waits for).
 */
export async function writeEventRows(
  manager: EntityManager,
  event: { id: string; appealId: string; correlationId: string; now: Date },
  rows: PlannedDelivery[],
  resident?: { registrationNumber: string; contact: Contact },
): Promise<QueuedDelivery[]> {
  const contact = resident?.contact;
  const column = <K extends keyof PlannedDelivery>(key: K) => rows.map((row) => row[key]);
  const written: { id: string; channel: Channel; deliver_after: Date | null }[] = await runPrepared(
    manager,
    WRITE_EVENT_ROWS,
    [
      event.id,
      event.appealId,
      column('id'),
      column('kind'),
      column('audience'),
      column('recipient'),
      column('recipientName'),
      column('channel'),
      column('language'),
      column('subject'),
      column('body'),
      column('deliverAfter'),
      event.now,
      resident?.registrationNumber ?? null,
      contact?.name ?? null,
      contact?.email ?? null,
      contact?.phone ?? null,
      contact?.language ?? null,
      event.correlationId,
    ],
  );
  return written
    .filter((row): row is typeof row & { channel: QueuedChannel } => row.channel !== 'in_app')
    .map((row) => ({ id: row.id, channel: row.channel, deliverAfter: row.deliver_after }));
}
