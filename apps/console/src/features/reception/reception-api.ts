import { api, apiBlob } from '../../api/api-client';

/** The channels an appeal arrives by (the appeals service's `channel`). */
export const CHANNELS = ['reception', 'walk_in', 'phone', 'online'] as const;
export type Channel = (typeof CHANNELS)[number];
/** Outside a reception session an appeal comes by one of these. */
export const CHANNELS_OUTSIDE_SESSION = ['walk_in', 'phone', 'online'] as const satisfies readonly Channel[];

export const OFFICIAL_POSITIONS = ['akim', 'deputy_akim', 'chief_of_staff'] as const;
export type OfficialPosition = (typeof OFFICIAL_POSITIONS)[number];

export type ResidentLanguage = 'kk' | 'ru';

export interface ReceptionSession {
  id: string;
  officialName: string;
  officialPosition: OfficialPosition;
  place: string;
  startsAt: string;
  endsAt: string | null;
  openedBy: string;
}

export interface OpenSessionRequest {
  officialName: string;
  officialPosition: OfficialPosition;
  place: string;
  startsAt: string;
  endsAt?: string;
}

export type { Named as Category, Unit } from '../../api/reference-data';

export interface CreateAppealRequest {
  resident?: { fullName: string; iin: string; phone: string; email?: string; language: ResidentLanguage };
  anonymous: boolean;
  concernsPublicSafety?: boolean;
  receptionSessionId?: string;
  category: string;
  channel: Channel;
  text: string;
  locality?: string;
  preferredUnitCode?: string;
}

export interface RegisteredAppeal {
  id: string;
  registrationNumber: string;
  trackingCode: string;
  status: string;
  registeredAt: string;
}

export const listSessions = (date: string, signal?: AbortSignal) =>
  api<ReceptionSession[]>('appeals', `/api/v1/reception-sessions?date=${encodeURIComponent(date)}`, { signal });

export const openSession = (request: OpenSessionRequest) =>
  api<ReceptionSession>('appeals', '/api/v1/reception-sessions', { method: 'POST', body: request });

/** Registers an appeal; retries carry the same key, so the service records it once. */
export const registerAppeal = (request: CreateAppealRequest, idempotencyKey: string) =>
  api<RegisteredAppeal>('appeals', '/api/v1/appeals', {
    method: 'POST',
    body: request,
    headers: { 'Idempotency-Key': idempotencyKey },
  });

export const fetchReceipt = (appealId: string, language: ResidentLanguage) =>
  apiBlob('appeals', `/api/v1/appeals/${encodeURIComponent(appealId)}/receipt.pdf?lang=${language}`, {
    headers: { accept: 'application/pdf' },
  });
