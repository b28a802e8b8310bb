import { randomInt } from 'node:crypto';
import { EntityManager } from 'typeorm';

/** e.g. MAH-2026-000123 */
export function formatRegistrationNumber(prefix: string, year: number, sequence: number): string {
  return `${prefix}-${year}-${String(sequence).padStart(6, '0')}`;
}

/**
 * The next number of the year. The counter row stays locked until the caller's transaction
 * ends, so concurrent registrations queue here and a rolled-back one leaves no gap.
 */
export async function nextRegistrationSequence(manager: EntityManager, prefix: string, year: number): Promise<number> {
  const [row] = await manager.query(
    `INSERT INTO registration_counters (prefix, year, last_value) VALUES ($1, $2, 1)
     ON CONFLICT (prefix, year) DO UPDATE SET last_value = registration_counters.last_value + 1
     RETURNING last_value`,
    [prefix, year],
  );
  return Number(row.last_value);
}

/** Without look-alike characters (0/O, 1/I/L), since residents read it aloud and type it. */
const TRACKING_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export function newTrackingCode(length = 10): string {
  return Array.from({ length }, () => TRACKING_ALPHABET[randomInt(TRACKING_ALPHABET.length)]).join('');
}
