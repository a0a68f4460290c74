/**
 * When and how long the client waits before sending a request again: exponential backoff
 * with jitter on 429 and 503, honouring `Retry-After`, with a bounded number of attempts.
 *
 * @example
 * ```ts
 * const client = createScimClient({
 *   baseUrl, token, resourceTypes: [UserResourceType],
 *   retry: { attempts: 5, baseDelayMs: 500, maxDelayMs: 20_000 },
 * });
 * ```
 */
export interface RetryOptions {
  /** Attempts in all, the first one included (default 3; 1 turns retries off). */
  readonly attempts?: number;
  /** Delay before the first retry, doubled for each further one (default 250 ms). */
  readonly baseDelayMs?: number;
  /** Cap of the computed backoff (default 10 s). */
  readonly maxDelayMs?: number;
  /**
   * Longest `Retry-After` honoured (default 60 s): a server asking for a longer pause gets
   * its error thrown instead of a caller blocked for minutes.
   */
  readonly maxRetryAfterMs?: number;
  /** HTTP statuses that may be retried (default 429 and 503). */
  readonly statuses?: readonly number[];
  /** Source of jitter in [0, 1) (default `Math.random`); inject a constant in tests. */
  readonly random?: () => number;
  /** How to wait (default a timer that an abort signal cancels); inject one in tests. */
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** The options with every default filled in. */
export interface RetryPolicy {
  readonly attempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  readonly maxRetryAfterMs: number;
  readonly statuses: ReadonlySet<number>;
  readonly random: () => number;
  readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
}

const IDEMPOTENT = new Set(["GET", "HEAD", "PUT", "DELETE", "OPTIONS"]);

export function retryPolicy(options: RetryOptions | false | undefined): RetryPolicy {
  const o = options === false ? { attempts: 1 } : (options ?? {});
  const attempts = o.attempts ?? 3;
  if (!Number.isInteger(attempts) || attempts < 1) throw new RangeError(`retry.attempts must be a positive integer, got ${attempts}`);
  return {
    attempts,
    baseDelayMs: o.baseDelayMs ?? 250,
    maxDelayMs: o.maxDelayMs ?? 10_000,
    maxRetryAfterMs: o.maxRetryAfterMs ?? 60_000,
    statuses: new Set(o.statuses ?? [429, 503]),
    random: o.random ?? Math.random,
    sleep: o.sleep ?? sleep,
  };
}

/**
 * Milliseconds until the moment a `Retry-After` header names (RFC 9110 §10.2.3: delay-seconds
 * or an HTTP-date); undefined when absent or unreadable.
 *
 * @example
 * ```ts
 * parseRetryAfter("120"); // 120000
 * parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT", Date.parse("Wed, 21 Oct 2015 07:27:30 GMT")); // 30000
 * ```
 */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * The delay before attempt `attempt + 1`, or undefined to give up. POST and PATCH are not
 * idempotent, so they are sent again only when the server says so with `Retry-After`
 * (it did not act on the request); GET, PUT and DELETE may always be.
 */
export function retryDelay(
  policy: RetryPolicy,
  method: string,
  status: number,
  retryAfterHeader: string | null,
  attempt: number,
): number | undefined {
  if (attempt >= policy.attempts || !policy.statuses.has(status)) return undefined;
  const retryAfter = parseRetryAfter(retryAfterHeader);
  if (retryAfter === undefined && !IDEMPOTENT.has(method)) return undefined;
  if (retryAfter !== undefined) {
    if (retryAfter > policy.maxRetryAfterMs) return undefined;
    // Never earlier than asked; a little jitter on top so clients told the same moment spread out.
    return retryAfter + policy.random() * Math.min(policy.baseDelayMs, 1000);
  }
  // Exponential backoff with "equal jitter": half the step fixed, half random.
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return step / 2 + policy.random() * (step / 2);
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
