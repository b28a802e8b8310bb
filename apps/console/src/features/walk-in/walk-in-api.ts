import { api } from '../../api/api-client';

export type { Named as CatalogueService, ServiceSector as Sector } from '../../api/reference-data';

export interface RecordedVisit {
  id: string;
  sector: string;
  service: string;
  renderedAt: string;
}

/** Records one rendered service; a retry with the same key records it once. */
export const recordVisit = (visit: { sector: string; service: string }, idempotencyKey: string) =>
  api<RecordedVisit>('appeals', '/api/v1/service-visits', {
    method: 'POST',
    body: visit,
    headers: { 'Idempotency-Key': idempotencyKey },
  });
