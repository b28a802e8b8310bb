import { maskPersonalValue } from '@akimat/service-kit';
import { AppealAnswerEntity } from '../../lifecycle/appeal-answer.entity';
import { toAnswerView } from '../../lifecycle/appeal-answer.view';
import { TimelineEntryEntity } from '../../timeline/timeline-entry.entity';
import { AppealEntity } from '../appeal.entity';

/** The full card as staff see it. The IIN is shown masked; the full number stays in the database. */
export function toAppealView(appeal: AppealEntity, answers: AppealAnswerEntity[], timeline: TimelineEntryEntity[]) {
  return {
    id: appeal.id,
    registrationNumber: appeal.registrationNumber,
    trackingCode: appeal.trackingCode,
    status: appeal.status,
    category: appeal.category,
    channel: appeal.channel,
    text: appeal.text,
    anonymous: appeal.anonymous,
    concernsPublicSafety: appeal.concernsPublicSafety,
    answerRequired: appeal.answerRequired,
    resident: appeal.anonymous
      ? null
      : {
          fullName: appeal.residentName,
          iin: appeal.residentIin ? maskPersonalValue(appeal.residentIin, 4) : null,
          phone: appeal.residentPhone,
          email: appeal.residentEmail,
          language: appeal.residentLanguage,
        },
    locality: appeal.locality,
    preferredUnitCode: appeal.preferredUnitCode,
    receptionSessionId: appeal.receptionSessionId,
    receivedBy: appeal.receivedByName ? { name: appeal.receivedByName, position: appeal.receivedByPosition } : null,
    registeredAt: appeal.registeredAt.toISOString(),
    registrationDate: appeal.registrationDate,
    assignment: appeal.assignedUnitCode
      ? {
          unitCode: appeal.assignedUnitCode,
          unitNameKk: appeal.assignedUnitNameKk,
          unitNameRu: appeal.assignedUnitNameRu,
          reason: appeal.assignmentReason,
          routedAt: appeal.routedAt?.toISOString() ?? null,
        }
      : null,
    deadlines: appeal.deadlines,
    nextDueAt: appeal.nextDueAt?.toISOString() ?? null,
    forwardedTo: appeal.forwardedTo,
    answers: answers.map(toAnswerView),
    feedback: appeal.feedbackAt
      ? { rating: appeal.feedbackRating, comment: appeal.feedbackComment, givenAt: appeal.feedbackAt.toISOString() }
      : null,
    timeline: timeline.map((entry) => ({
      at: entry.at.toISOString(),
      kind: entry.kind,
      actorName: entry.actorName,
      details: entry.details,
    })),
  };
}

export type AppealView = ReturnType<typeof toAppealView>;
