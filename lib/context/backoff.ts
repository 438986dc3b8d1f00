/** Reconnection delays: exponential, capped, with full jitter so many panels do not reconnect in step. */

export interface Backoff {
  /** The next delay in milliseconds; each call waits longer, up to the cap. */
  next(): number;
  reset(): void;
}

/**
 * @param baseMs - first delay's ceiling
 * @param maxMs - no delay is longer than this
 * @param random - 0 ≤ x < 1, injectable for tests
 */
export function backoff(baseMs: number, maxMs: number, random: () => number = Math.random): Backoff {
  let attempt = 0;
  return {
    next() {
      const ceiling = Math.min(maxMs, baseMs * 2 ** attempt);
      attempt = Math.min(attempt + 1, 30);
      // Never below half the ceiling: full jitter down to zero would hammer a hub that just came back.
      return Math.round(ceiling / 2 + (random() * ceiling) / 2);
    },
    reset() {
      attempt = 0;
    },
  };
}
