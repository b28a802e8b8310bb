export interface ServiceCountRow {
  sector: string;
  service: string;
  n: string | number;
}

export interface SectorFigures {
  sector: string;
  total: number;
  services: Record<string, number>;
}

export interface WalkInServices {
  total: number;
  bySector: SectorFigures[];
}

export const serviceCountsSql = `SELECT sector, service, count(*) AS n FROM service_facts
  WHERE rendered_at >= $1::timestamptz AND rendered_at < $2::timestamptz GROUP BY 1, 2 ORDER BY 1, 2`;

/** Sectors with their services, e.g. self_service 2864 = eds 1553 + certificate 1311. */
export function toWalkInServices(rows: ServiceCountRow[]): WalkInServices {
  const sectors = new Map<string, SectorFigures>();
  for (const row of rows) {
    const sector = sectors.get(row.sector) ?? { sector: row.sector, total: 0, services: {} };
    sector.services[row.service] = Number(row.n);
    sector.total += Number(row.n);
    sectors.set(row.sector, sector);
  }
  const bySector = [...sectors.values()];
  return { total: bySector.reduce((sum, s) => sum + s.total, 0), bySector };
}
