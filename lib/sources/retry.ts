/**
 * Retry policy for busy servers: 429 and 503 are retried, honouring `Retry-After` (seconds or an
 * HTTP date) up to a cap, else with exponential backoff and jitter. Nothing else is retried:
 * repeating a 500 or a 4xx only adds load to a struggling server.
 */

export const RETRY_STATUSES: ReadonlySet<number> = new Set([429, 503]);

export interface RetryPolicy {
  readonly attempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 3, baseDelayMs: 400, maxDelayMs: 8_000 };

/**
 * How long to wait before the next attempt.
 * @param attempt - 1 for the first retry
 * @param retryAfter - the response's Retry-After header, if any
 */
export function retryDelayMs(policy: RetryPolicy, attempt: number, retryAfter: string | null, now = Date.now(), random = Math.random): number {
  if (retryAfter) {
    const seconds = Number(retryAfter);
    const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(retryAfter) - now;
    if (Number.isFinite(ms)) return Math.min(Math.max(ms, 0), policy.maxDelayMs);
  }
  const exponential = policy.baseDelayMs * 2 ** (attempt - 1);
  return Math.min(exponential / 2 + random() * (exponential / 2), policy.maxDelayMs);
}

/** Waits, or rejects at once when the look-up is aborted. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), reject(signal.reason)), { once: true });
  });
}
