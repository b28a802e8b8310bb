import { DataSource } from 'typeorm';
import { PreparedStatement, runPreparedOnPool } from '../database/prepared-statement';
import { Audience, Channel } from '../notices/notice';
import { DeliveryEntity, DeliveryStatus } from './delivery.entity';
import { GroupBatcher } from './group-batcher';

/** What a worker needs of a delivery row to send it. */
export type PendingDelivery = Pick<DeliveryEntity, 'id' | 'kind' | 'recipient' | 'subject' | 'body'> & {
  channel: Exclude<Channel, 'in_app'>;
  audience: Audience;
  status: DeliveryStatus;
  correlationId: string | null;
};

const LOAD: PreparedStatement = {
  name: 'notifications_load_deliveries',
  text: `SELECT r.id, d.kind, d.channel, d.audience, d.recipient, d.subject, d.body, d.status,
    d.correlation_id AS "correlationId"
  FROM unnest($1::uuid[]) WITH ORDINALITY AS r(id, n) LEFT JOIN deliveries d ON d.id = r.id ORDER BY r.n`,
};

const MARK_SENT: PreparedStatement = {
  name: 'notifications_mark_deliveries_sent',
  text: `UPDATE deliveries d SET status = 'sent', attempts = s.attempts, sent_at = s.sent_at, last_error = NULL, updated_at = now()
  FROM unnest($1::uuid[], $2::int[], $3::timestamptz[]) AS s(id, attempts, sent_at) WHERE d.id = s.id`,
};

/**
 * The workers' reads and "sent" marks of delivery rows, many concurrent jobs per statement (see
 * GroupBatcher): the queue stage then costs about one statement per message instead of two.
 */
export class DeliveryRows {
  private readonly loader: GroupBatcher<string, PendingDelivery | undefined>;
  private readonly sentMarker: GroupBatcher<{ id: string; attempts: number; at: Date }, undefined>;

  constructor(dataSource: DataSource) {
    this.loader = new GroupBatcher(async (ids) => {
      const rows: (PendingDelivery | { id: string; status: null })[] = await runPreparedOnPool(dataSource, LOAD, [ids]);
      return rows.map((row) => (row.status === null ? undefined : (row as PendingDelivery)));
    });
    this.sentMarker = new GroupBatcher(async (marks) => {
      await runPreparedOnPool(dataSource, MARK_SENT, [
        marks.map((mark) => mark.id),
        marks.map((mark) => mark.attempts),
        marks.map((mark) => mark.at),
      ]);
      return marks.map(() => undefined);
    });
  }

  load(id: string): Promise<PendingDelivery | undefined> {
    return this.loader.call(id);
  }

  markSent(id: string, attempts: number, at: Date): Promise<undefined> {
    return this.sentMarker.call({ id, attempts, at });
  }
}
