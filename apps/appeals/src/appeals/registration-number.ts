import { randomInt } from 'node:crypto';
import { EntityManager } from 'typeorm';

/** e.g. MAH-2026-000123 */
export function formatRegistrationNumber(prefix: string, year: number, sequence: number): string {
  return `${prefix}-${year}-${String(sequence).padStart(6, '0')}`;
}

/**
 * Reserves the next `count` numbers of the year and returns the first. The counter row stays
 * locked until the caller's transaction ends, so registrations queue here and a rolled-back one
 * leaves no gap.
 */
export async function reserveRegistrationSequences(
  manager: EntityManager,
  prefix: string,
  year: number,
  count: number,
): Promise<number> {
  const [row] = await manager.query(
    `INSERT INTO registration_counters (prefix, year, last_value) VALUES ($1, $2, $3)
     ON CONFLICT (prefix, year) DO UPDATE SET last_value = registration_counters.last_value + $3
     RETURNING last_value`,
    [prefix, year, count],
  );
  return Number(row.last_value) - count + 1;
}

/** Without look-alike characters (0/O, 1/I/L), since residents read it aloud and type it. */
const TRACKING_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export function newTrackingCode(length = 10): string {
  return Array.from({ length }, () => TRACKING_ALPHABET[randomInt(TRACKING_ALPHABET.length)]).join('');
}
