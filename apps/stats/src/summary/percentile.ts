/**
 * The continuous percentile (linear interpolation between closest ranks), the definition of
 * PostgreSQL's percentile_cont, which computes the figures; this copy lets tests check them.
 */
export function percentile(values: readonly number[], fraction: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = fraction * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
}
