import { isValidIin, KAZAKH_PHONE, normalizeKazakhPhone } from '@akimat/contracts/browser';
import { newIdempotencyKey } from './idempotency-key';
import type { Channel, CreateAppealRequest, ResidentLanguage } from './reception-api';

export const TEXT_MAX = 5000;
export const IIN_LENGTH = 12;
/** The locality picker's choice for "type it in" (the service accepts any name up to 100 characters). */
export const OTHER_LOCALITY = '__other';
export const LOCALITY_MAX = 100;

/** What is typed on the appeal card, kept in this tab's sessionStorage until the appeal is registered. */
export interface AppealDraft {
  /** One per draft, from its start until it is registered: every retry re-uses it. */
  idempotencyKey: string;
  anonymous: boolean;
  concernsPublicSafety: boolean;
  fullName: string;
  iin: string;
  phone: string;
  email: string;
  language: ResidentLanguage;
  /** A locality name, OTHER_LOCALITY, or '' for none. */
  locality: string;
  localityOther: string;
  category: string;
  text: string;
  preferredUnitCode: string;
}

export type DraftField = Exclude<keyof AppealDraft, 'idempotencyKey'>;

export function newDraft(language: ResidentLanguage): AppealDraft {
  return {
    idempotencyKey: newIdempotencyKey(),
    anonymous: false,
    concernsPublicSafety: false,
    fullName: '',
    iin: '',
    phone: '',
    email: '',
    language,
    locality: '',
    localityOther: '',
    category: '',
    text: '',
    preferredUnitCode: '',
  };
}

const DRAFT_KEY = 'akimat.reception.draft';

export function loadDraft(): AppealDraft | undefined {
  try {
    const stored = JSON.parse(sessionStorage.getItem(DRAFT_KEY) ?? 'null') as Partial<AppealDraft> | null;
    if (!stored || typeof stored.idempotencyKey !== 'string') return undefined;
    return { ...newDraft(stored.language === 'kk' ? 'kk' : 'ru'), ...stored } as AppealDraft;
  } catch {
    return undefined;
  }
}

export function saveDraft(draft: AppealDraft): void {
  try {
    sessionStorage.setItem(DRAFT_KEY, JSON.stringify(draft));
  } catch {
    // Storage full or disabled: the draft still lives in the page.
  }
}

export function clearDraft(): void {
  sessionStorage.removeItem(DRAFT_KEY);
}

/** Only digits, at most 12: what the IIN input keeps of what is typed or pasted. */
export const iinDigits = (value: string) => value.replace(/\D/g, '').slice(0, IIN_LENGTH);

export type IinState = 'empty' | 'incomplete' | 'invalid' | 'valid';

export function iinState(iin: string): IinState {
  if (iin.length === 0) return 'empty';
  if (iin.length < IIN_LENGTH) return 'incomplete';
  return isValidIin(iin) ? 'valid' : 'invalid';
}

export function normalizedPhone(phone: string): string {
  return String(normalizeKazakhPhone(phone.trim()));
}

// The events refuse non-ASCII addresses (see the resident DTO), so the console does too.
const EMAIL = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/;

/** The locality as sent, or undefined when none is chosen. */
export function localityOf(draft: AppealDraft): string | undefined {
  const value = draft.locality === OTHER_LOCALITY ? draft.localityOther.trim() : draft.locality;
  return value || undefined;
}

/** Translation keys (in the reception namespace) of what is wrong, by field; empty when it can be sent. */
export function draftProblems(draft: AppealDraft): Partial<Record<DraftField, string>> {
  const problems: Partial<Record<DraftField, string>> = {};
  if (!draft.anonymous) {
    const name = draft.fullName.trim();
    if (name.length === 0) problems.fullName = 'problems.fullNameRequired';
    else if (name.length < 2 || name.length > 200) problems.fullName = 'problems.fullNameLength';
    const iin = iinState(draft.iin);
    if (iin === 'empty') problems.iin = 'problems.iinRequired';
    else if (iin === 'incomplete') problems.iin = 'problems.iinIncomplete';
    else if (iin === 'invalid') problems.iin = 'problems.iinCheckDigit';
    if (draft.phone.trim() === '') problems.phone = 'problems.phoneRequired';
    else if (!KAZAKH_PHONE.test(normalizedPhone(draft.phone))) problems.phone = 'problems.phoneFormat';
    if (draft.email.trim() !== '' && !EMAIL.test(draft.email.trim())) problems.email = 'problems.emailFormat';
  }
  if (!draft.category) problems.category = 'problems.categoryRequired';
  if (draft.text.trim() === '') problems.text = 'problems.textRequired';
  else if (draft.text.length > TEXT_MAX) problems.text = 'problems.textTooLong';
  if (draft.locality === OTHER_LOCALITY) {
    const other = draft.localityOther.trim();
    if (other === '') problems.localityOther = 'problems.localityOtherRequired';
    else if (other.length > LOCALITY_MAX) problems.localityOther = 'problems.localityOtherTooLong';
  }
  return problems;
}

/** Where the appeal is recorded: in a reception session, or outside one by another channel. */
export type DeskPlacement = { sessionId: string } | { channel: Exclude<Channel, 'reception'> };

/** The body of POST /api/v1/appeals. */
export function appealRequest(draft: AppealDraft, placement: DeskPlacement): CreateAppealRequest {
  const email = draft.email.trim();
  const locality = localityOf(draft);
  return {
    ...(draft.anonymous
      ? { anonymous: true, concernsPublicSafety: draft.concernsPublicSafety }
      : {
          anonymous: false,
          resident: {
            fullName: draft.fullName.trim(),
            iin: draft.iin,
            phone: normalizedPhone(draft.phone),
            ...(email ? { email } : {}),
            language: draft.language,
          },
        }),
    ...('sessionId' in placement
      ? { receptionSessionId: placement.sessionId, channel: 'reception' as const }
      : { channel: placement.channel }),
    category: draft.category,
    text: draft.text.trim(),
    ...(locality ? { locality } : {}),
    ...(draft.preferredUnitCode ? { preferredUnitCode: draft.preferredUnitCode } : {}),
  };
}

/** The service's violation fields ("resident.iin") mapped to the card's fields. */
export const SERVICE_FIELDS: Record<string, DraftField> = {
  'resident.fullName': 'fullName',
  'resident.iin': 'iin',
  'resident.phone': 'phone',
  'resident.email': 'email',
  'resident.language': 'language',
  resident: 'fullName',
  anonymous: 'anonymous',
  concernsPublicSafety: 'concernsPublicSafety',
  category: 'category',
  text: 'text',
  locality: 'locality',
  preferredUnitCode: 'preferredUnitCode',
};
