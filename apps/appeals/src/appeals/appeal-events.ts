import { AppealRegisteredV1 } from '@akimat/contracts';
import { AppealEntity } from './appeal.entity';

/** The facts every lifecycle event repeats, so consumers need no other source. */
export function appealFacts(appeal: AppealEntity) {
  return {
    appealId: appeal.id,
    registrationNumber: appeal.registrationNumber,
    category: appeal.category,
    unitCode: appeal.assignedUnitCode ?? undefined,
  };
}

/** `appeal.registered`: the resident's contact travels (for notices), the IIN never does. */
export function registeredEventData(appeal: AppealEntity): AppealRegisteredV1 {
  return {
    appealId: appeal.id,
    registrationNumber: appeal.registrationNumber,
    registeredAt: appeal.registeredAt.toISOString(),
    category: appeal.category,
    channel: appeal.channel as AppealRegisteredV1['channel'],
    locality: appeal.locality ?? undefined,
    preferredUnitCode: appeal.preferredUnitCode ?? undefined,
    anonymous: appeal.anonymous,
    resident:
      appeal.anonymous || !appeal.residentName
        ? undefined
        : {
            name: appeal.residentName,
            phone: appeal.residentPhone ?? undefined,
            email: appeal.residentEmail ?? undefined,
            language: appeal.residentLanguage,
          },
    text: appeal.text,
    answerRequired: appeal.answerRequired,
    receptionSessionId: appeal.receptionSessionId ?? undefined,
    receivedBy: appeal.receivedByName
      ? { name: appeal.receivedByName, position: appeal.receivedByPosition ?? undefined }
      : undefined,
  };
}
