import { api } from './api-client';

/** A catalogue entry with its names in both languages (a category, a service, a sector, a unit). */
export interface Named {
  code: string;
  nameKk: string;
  nameRu: string;
}

/** A unit of the directory (routing): a department, a rural district or the triage desk. */
export interface Unit extends Named {
  kind: 'department' | 'rural_district' | 'triage';
  active: boolean;
}

/** A walk-in sector with its services. */
export interface ServiceSector extends Named {
  services: Named[];
}

export const fetchUnits = async (signal?: AbortSignal): Promise<Unit[]> =>
  (await api<{ items: Unit[] }>('routing', '/api/v1/units', { signal })).items;

export const fetchCategories = (signal?: AbortSignal) => api<Named[]>('appeals', '/api/v1/categories', { signal });

export const fetchServiceCatalogue = (signal?: AbortSignal) =>
  api<ServiceSector[]>('appeals', '/api/v1/service-visits/catalogue', { signal });

// Catalogues change rarely (a new category or unit is an admin's act): one fetch per tab serves
// every screen for ten minutes, under one key each.
const STALE_MS = 10 * 60_000;

export const referenceQueries = {
  units: {
    queryKey: ['reference', 'units'],
    queryFn: ({ signal }: { signal: AbortSignal }) => fetchUnits(signal),
    staleTime: STALE_MS,
  },
  categories: {
    queryKey: ['reference', 'categories'],
    queryFn: ({ signal }: { signal: AbortSignal }) => fetchCategories(signal),
    staleTime: STALE_MS,
  },
  serviceCatalogue: {
    queryKey: ['reference', 'service-catalogue'],
    queryFn: ({ signal }: { signal: AbortSignal }) => fetchServiceCatalogue(signal),
    staleTime: STALE_MS,
  },
} as const;
