import { api } from '../../api/api-client';

export interface CatalogueService {
  code: string;
  nameKk: string;
  nameRu: string;
}

export interface Sector extends CatalogueService {
  services: CatalogueService[];
}

export interface RecordedVisit {
  id: string;
  sector: string;
  service: string;
  renderedAt: string;
}

export const fetchCatalogue = (signal?: AbortSignal) =>
  api<Sector[]>('appeals', '/api/v1/service-visits/catalogue', { signal });

/** Records one rendered service; a retry with the same key records it once. */
export const recordVisit = (visit: { sector: string; service: string }, idempotencyKey: string) =>
  api<RecordedVisit>('appeals', '/api/v1/service-visits', {
    method: 'POST',
    body: visit,
    headers: { 'Idempotency-Key': idempotencyKey },
  });
