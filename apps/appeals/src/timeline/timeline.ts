import { EntityManager } from 'typeorm';
import { TimelineEntryEntity } from './timeline-entry.entity';

export type TimelineKind =
  | 'registered'
  | 'routed'
  | 'reassigned'
  | 'brief_answered'
  | 'full_answered'
  | 'extended'
  | 'extension_notified'
  | 'outside_competence'
  | 'forwarded'
  | 'reopened'
  | 'closed'
  | 'feedback_given';

export interface TimelineRecord {
  appealId: string;
  kind: TimelineKind;
  at: Date;
  actorName?: string | null;
  details?: object;
}

export function appendTimeline(manager: EntityManager, record: TimelineRecord): Promise<void> {
  return appendTimelines(manager, [record]);
}

/** One statement for all the records: registration appends one per card of a batch. */
export async function appendTimelines(manager: EntityManager, records: TimelineRecord[]): Promise<void> {
  if (records.length === 0) return;
  await manager.query(
    `INSERT INTO appeal_timeline (appeal_id, kind, at, actor_name, details)
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::timestamptz[], $4::text[], $5::jsonb[])`,
    [
      records.map((record) => record.appealId),
      records.map((record) => record.kind),
      records.map((record) => record.at),
      records.map((record) => record.actorName ?? null),
      records.map((record) => JSON.stringify(record.details ?? {})),
    ],
  );
}

export async function readTimeline(manager: EntityManager, appealId: string): Promise<TimelineEntryEntity[]> {
  return manager.find(TimelineEntryEntity, { where: { appealId }, order: { id: 'ASC' } });
}
