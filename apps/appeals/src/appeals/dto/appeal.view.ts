import { maskPersonalValue } from '@akimat/service-kit';
import { AppealEntity } from '../appeal.entity';

/** What staff see of an appeal. The IIN is shown masked; the full card stays in the database. */
export function toAppealView(appeal: AppealEntity) {
  return {
    id: appeal.id,
    registrationNumber: appeal.registrationNumber,
    trackingCode: appeal.trackingCode,
    status: appeal.status,
    category: appeal.category,
    channel: appeal.channel,
    text: appeal.text,
    anonymous: appeal.anonymous,
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
    receivedBy: appeal.receivedBy,
    registeredAt: appeal.registeredAt.toISOString(),
    assignment: appeal.assignedUnitCode
      ? {
          unitCode: appeal.assignedUnitCode,
          unitNameKk: appeal.assignedUnitNameKk,
          unitNameRu: appeal.assignedUnitNameRu,
          reason: appeal.assignmentReason,
          routedAt: appeal.routedAt?.toISOString() ?? null,
        }
      : null,
  };
}

export type AppealView = ReturnType<typeof toAppealView>;
