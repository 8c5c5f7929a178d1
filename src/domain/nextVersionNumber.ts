/** Version numbers are 1, 2, 3… per policy, in publishing order, never reused. */
export function nextVersionNumber(existing: readonly number[]): number {
  return existing.reduce((max, n) => Math.max(max, n), 0) + 1
}
