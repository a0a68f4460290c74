/**
 * Which groups of checks to run.
 *
 * @example
 * ```ts
 * await verify({ baseUrl, token, only: ["immutable", "atomicity"] });
 * ```
 */
export type CheckKind = "immutable" | "readOnly" | "writeOnly" | "returned" | "atomicity";

/**
 * Options of `verify`.
 *
 * @example
 * ```ts
 * const options: VerifyOptions = { baseUrl: "http://127.0.0.1:8080/scim/v2", token: process.env.SCIM_TOKEN, rate: 10 };
 * ```
 */
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

/**
 * A request as the report shows it.
 *
 * @example
 * ```ts
 * const sent: RecordedRequest = { method: "PATCH", path: "/Users/2819c223", body: { schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], Operations: [] } };
 * ```
 */
export interface RecordedRequest {
  method: string;
  path: string;
  body?: unknown;
}

/**
 * A response as the report shows it.
 *
 * @example
 * ```ts
 * const received: RecordedResponse = { status: 400, body: { status: "400", scimType: "mutability" } };
 * ```
 */
export interface RecordedResponse {
  status: number;
  body?: unknown;
}

/**
 * One finding: the attribute, the request and response that decided it, the RFC rule, a verdict.
 *
 * @example
 * ```ts
 * const failures = report.checks.filter((check: CheckResult) => check.verdict === "fail");
 * ```
 */
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

/**
 * What `verify` returns.
 *
 * @example
 * ```ts
 * const report: VerifyReport = await verify({ baseUrl, token });
 * if (report.summary.failed > 0) process.exitCode = 1;
 * ```
 */
export interface VerifyReport {
  summary: { passed: number; failed: number; skipped: number };
  checks: CheckResult[];
}
