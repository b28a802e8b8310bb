import { AppealEntity } from '../appeals/appeal.entity';
import { AppealAnswerEntity } from '../lifecycle/appeal-answer.entity';
import { toAnswerView } from '../lifecycle/appeal-answer.view';
import { TimelineEntryEntity } from '../timeline/timeline-entry.entity';

/** What a resident sees with the tracking code: no IIN, no phone, no e-mail. */
export function toTrackingView(
  appeal: AppealEntity,
  answers: AppealAnswerEntity[],
  timeline: TimelineEntryEntity[],
  reopenUntil: Date | null,
) {
  return {
    registrationNumber: appeal.registrationNumber,
    status: appeal.status,
    category: appeal.category,
    registeredAt: appeal.registeredAt.toISOString(),
    registrationDate: appeal.registrationDate,
    unit: appeal.assignedUnitCode
      ? { code: appeal.assignedUnitCode, nameKk: appeal.assignedUnitNameKk, nameRu: appeal.assignedUnitNameRu }
      : null,
    deadlines: appeal.deadlines,
    forwardedTo: appeal.forwardedTo,
    answers: answers.map(toAnswerView),
    timeline: timeline.map((entry) => ({ at: entry.at.toISOString(), kind: entry.kind, details: entry.details })),
    feedbackGiven: appeal.feedbackAt !== null,
    /** Until when "not resolved" can still reopen it; null when it cannot. */
    reopenPossibleUntil: reopenUntil?.toISOString() ?? null,
  };
}

export type TrackingView = ReturnType<typeof toTrackingView>;
