import { timingSafeEqual } from 'node:crypto';

/** Compares in constant time, so response timing tells a guesser nothing about the code. */
export function trackingCodeMatches(expected: string, given: string | undefined): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(expected.toUpperCase());
  const b = Buffer.from(given.trim().toUpperCase());
  return a.length === b.length && timingSafeEqual(a, b);
}
