export interface Spread {
  p50: number;
  p95: number;
  max: number;
}

/** Nearest-rank quantile of an unsorted list; 0 for an empty one. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil(q * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1] as number;
}

/** p50, p95 and max, rounded to a hundredth of a millisecond. */
export function spread(values: readonly number[]): Spread {
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    p50: round(quantile(values, 0.5)),
    p95: round(quantile(values, 0.95)),
    max: round(values.length === 0 ? 0 : Math.max(...values)),
  };
}
