import type { RecordedRequest, RecordedResponse } from "./types.js";

/** One exchange with the server under test. */
export interface Exchange {
  readonly request: RecordedRequest;
  readonly response: RecordedResponse;
  /** the parsed JSON body, when there is one */
  readonly json: unknown;
}

/** Thrown when the verifier's own request budget is spent: it stops rather than flood the server. */
export class BudgetExceeded extends Error {
  constructor(limit: number) {
    super(`the verifier sent its maximum of ${limit} requests`);
  }
}

/**
 * A bounded, rate-limited HTTP session with a SCIM service provider: every request is counted
 * against `maxRequests` and spaced to at most `rate` per second; every exchange is recorded so
 * that a finding can show exactly what was sent and received.
 */
export class Session {
  private sent = 0;
  private nextAt = 0;
  private readonly interval: number;
  private readonly base: string;

  constructor(
    baseUrl: string,
    private readonly token: string | undefined,
    private readonly fetcher: typeof fetch,
    private readonly maxRequests: number,
    rate: number,
    private readonly timeoutMs: number,
  ) {
    this.base = baseUrl.replace(/\/+$/, "");
    this.interval = rate > 0 ? 1000 / rate : 0;
  }

  get requestsSent(): number {
    return this.sent;
  }

  async send(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Exchange> {
    if (this.sent >= this.maxRequests) throw new BudgetExceeded(this.maxRequests);
    this.sent++;
    const wait = this.nextAt - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    this.nextAt = Math.max(Date.now(), this.nextAt) + this.interval;
    const request: RecordedRequest = body === undefined ? { method, path } : { method, path, body };
    const init: RequestInit = {
      method,
      headers: {
        accept: "application/scim+json",
        ...(body !== undefined ? { "content-type": "application/scim+json" } : {}),
        ...(this.token !== undefined ? { authorization: `Bearer ${this.token}` } : {}),
        ...headers,
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      signal: AbortSignal.timeout(this.timeoutMs),
    };
    let response: Response;
    try {
      response = await this.fetcher(`${this.base}${path}`, init);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return { request, response: { status: 0, body: `request failed: ${reason}` }, json: undefined };
    }
    const text = await response.text();
    let json: unknown;
    try {
      json = text === "" ? undefined : JSON.parse(text);
    } catch {
      json = undefined;
    }
    const recorded: RecordedResponse = { status: response.status };
    if (text !== "") recorded.body = json ?? (text.length > 500 ? `${text.slice(0, 500)}…` : text);
    return { request, response: recorded, json };
  }
}
