import { AppealRegisteredV1 } from '@akimat/contracts';
import type { ContactSeal } from '@akimat/service-kit';
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

/**
 * `appeal.registered`: the resident's contact travels for notices — phone and e-mail sealed for
 * notifications when a key is configured — and the IIN never does.
 */
export function registeredEventData(appeal: AppealEntity, seal?: ContactSeal): AppealRegisteredV1 {
  const reachable = !appeal.anonymous && appeal.residentName;
  const secrets = { phone: appeal.residentPhone ?? undefined, email: appeal.residentEmail ?? undefined };
  const sealed = reachable && seal && (secrets.phone || secrets.email) ? seal.seal(secrets) : undefined;
  return {
    appealId: appeal.id,
    registrationNumber: appeal.registrationNumber,
    registeredAt: appeal.registeredAt.toISOString(),
    category: appeal.category,
    channel: appeal.channel as AppealRegisteredV1['channel'],
    locality: appeal.locality ?? undefined,
    preferredUnitCode: appeal.preferredUnitCode ?? undefined,
    anonymous: appeal.anonymous,
    resident: reachable
      ? { name: appeal.residentName as string, ...(sealed ? {} : secrets), language: appeal.residentLanguage }
      : undefined,
    sealedContact: sealed,
    text: appeal.text,
    answerRequired: appeal.answerRequired,
    receptionSessionId: appeal.receptionSessionId ?? undefined,
    receivedBy: appeal.receivedByName
      ? { name: appeal.receivedByName, position: appeal.receivedByPosition ?? undefined }
      : undefined,
  };
}
