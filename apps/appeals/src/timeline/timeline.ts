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

export async function appendTimelines(manager: EntityManager, records: TimelineRecord[]): Promise<void> {
  await manager.insert(
    TimelineEntryEntity,
    records.map((record) => ({
      appealId: record.appealId,
      kind: record.kind,
      at: record.at,
      actorName: record.actorName ?? null,
      details: record.details ?? {},
    })),
  );
}

export async function readTimeline(manager: EntityManager, appealId: string): Promise<TimelineEntryEntity[]> {
  return manager.find(TimelineEntryEntity, { where: { appealId }, order: { id: 'ASC' } });
}
