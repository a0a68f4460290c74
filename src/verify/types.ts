/** Which groups of checks to run. */
export type CheckKind = "immutable" | "readOnly" | "writeOnly" | "returned" | "atomicity";

/** Options of {@link verify}. */
export interface VerifyOptions {
  /** The service provider's base URL, e.g. `http://127.0.0.1:8080/scim/v2`. */
  readonly baseUrl: string;
  /** Bearer token sent as `Authorization: Bearer …`. */
  readonly token?: string | undefined;
  /** A `fetch` to use instead of the global one (tests, proxies). */
  readonly fetch?: typeof fetch | undefined;
  /** Resource type names to check (default: every one the server advertises). */
  readonly resourceTypes?: readonly string[] | undefined;
  /** Groups of checks to run (default: all). */
  readonly only?: readonly CheckKind[] | undefined;
  /** Delete the resources the verifier created (default true). */
  readonly cleanup?: boolean | undefined;
  /** Most requests the verifier may send, cleanup included (default 2,000). */
  readonly maxRequests?: number | undefined;
  /** Most requests per second (default 20). */
  readonly rate?: number | undefined;
  /** Per-request timeout in milliseconds (default 10,000). */
  readonly timeoutMs?: number | undefined;
  /** Called after each check, e.g. to draw a progress indicator. */
  readonly onCheck?: ((check: CheckResult, done: number) => void) | undefined;
}

/** A request as the report shows it. */
export interface RecordedRequest {
  method: string;
  path: string;
  body?: unknown;
}

/** A response as the report shows it. */
export interface RecordedResponse {
  status: number;
  body?: unknown;
}

/** One finding. */
export interface CheckResult {
  /** stable id, e.g. `User.urn:…:Employee:badgeId.immutable.put-change` */
  id: string;
  resourceType: string;
  /** the attribute path, e.g. `members.display` */
  attribute: string;
  mutability: string;
  verdict: "pass" | "fail" | "skip";
  /** the request that decided the verdict (undefined for a skip decided before sending) */
  request: RecordedRequest | undefined;
  response: RecordedResponse | undefined;
  /** the RFC rule checked, with its section */
  rfc: string;
  /** what was expected and what happened, or why the check was skipped */
  detail: string;
}

/** What {@link verify} returns. */
export interface VerifyReport {
  summary: { passed: number; failed: number; skipped: number };
  checks: CheckResult[];
}
