import { AppealEntity } from '../appeals/appeal.entity';

const PREVIEW_LENGTH = 200;

/** One line of a department's task list. */
export function toInboxItem(appeal: AppealEntity, now: Date) {
  return {
    id: appeal.id,
    registrationNumber: appeal.registrationNumber,
    status: appeal.status,
    category: appeal.category,
    locality: appeal.locality,
    anonymous: appeal.anonymous,
    textPreview: appeal.text.length > PREVIEW_LENGTH ? `${appeal.text.slice(0, PREVIEW_LENGTH)}…` : appeal.text,
    registeredAt: appeal.registeredAt.toISOString(),
    unit: appeal.assignedUnitCode
      ? { code: appeal.assignedUnitCode, nameKk: appeal.assignedUnitNameKk, nameRu: appeal.assignedUnitNameRu }
      : null,
    deadlines: appeal.deadlines,
    nextDueAt: appeal.nextDueAt?.toISOString() ?? null,
    overdue: appeal.nextDueAt !== null && appeal.nextDueAt < now,
  };
}

export type InboxItem = ReturnType<typeof toInboxItem>;
