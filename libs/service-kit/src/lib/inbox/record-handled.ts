import { KnownEnvelope } from '@akimat/contracts';

type Query = (sql: string, params: unknown[]) => Promise<{ event_id: string }[]>;

/**
 * Records many events as handled with one statement and returns those to apply: the first delivery
 * of each id not recorded before, in delivery order. Must run in the transaction of their effects.
 */
export async function recordHandled(query: Query, events: KnownEnvelope[]): Promise<KnownEnvelope[]> {
  const typeOf = new Map(events.map((event) => [event.id.toLowerCase(), event.type]));
  // Sorted, so that two transactions recording overlapping ids take their row locks in one order.
  const ids = [...typeOf.keys()].sort();
  const inserted = await query(
    `INSERT INTO processed_events (event_id, type) SELECT * FROM unnest($1::uuid[], $2::text[])
     ON CONFLICT DO NOTHING RETURNING event_id`,
    [ids, ids.map((id) => typeOf.get(id))],
  );
  // PostgreSQL returns uuids in lower case; an envelope may spell its id in upper case.
  const fresh = new Set(inserted.map((row) => row.event_id.toLowerCase()));
  return events.filter((event) => fresh.delete(event.id.toLowerCase()));
}
