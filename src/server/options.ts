import type { OnViolation } from "../audit.js";
import type { ServiceProviderOptions } from "../discovery/service-provider.js";
import type { PatchOptions, PatchResult } from "../patch/apply.js";
import type { Filter } from "../path/ast.js";
import type { FilterOptions } from "../path/limits.js";
import type { SerializeOptions } from "../project/serialize.js";
import type { AnyResourceType } from "../resource-type.js";
import type { ParseOptions } from "../validate/options.js";
import type { Store } from "./store.js";

type Resource = Readonly<Record<string, unknown>>;

/**
 * What the handler needs of a resource type: the façade methods of `defineResourceType`
 * (every `ResourceType` is one). Return types are loosened so that any declared resource type
 * fits without the handler depending on its derived views.
 *
 * @example
 * ```ts
 * const served: ServableResourceType[] = [UserResourceType, GroupResourceType];
 * ```
 */
export interface ServableResourceType extends AnyResourceType {
  /** Compiles a filter to a predicate (`ResourceType.matches`). */
  matches(filter: string | Filter, options?: FilterOptions): (resource: Resource) => boolean;
  /** A `sortBy`/`sortOrder` comparator (`ResourceType.compare`). */
  compare(sortBy: string, sortOrder?: "ascending" | "descending"): (a: Resource, b: Resource) => number;
  /** Validates a POST body (`ResourceType.parseCreate`). */
  parseCreate(body: unknown, options?: ParseOptions): object;
  /** Validates a PUT body against the stored resource (`ResourceType.parseReplace`). */
  parseReplace(body: unknown, existing: Resource, options?: ParseOptions): object;
  /** Applies a PatchOp (`ResourceType.applyPatch`). */
  applyPatch(existing: Resource, body: unknown, options?: PatchOptions): PatchResult<object>;
  /** The resource as a response returns it (`ResourceType.serialize`). */
  serialize(resource: Resource, options?: SerializeOptions): object;
}

/**
 * Options of `createScimHandler`.
 *
 * @example
 * ```ts
 * const options: ScimHandlerOptions = {
 *   resourceTypes: [UserResourceType, GroupResourceType],
 *   store: new MemoryStore(),
 *   basePath: "/scim/v2",
 *   authenticate: (request) => request.headers.get("authorization") === `Bearer ${token}`,
 *   onViolation: (event) => audit.write(event),
 * };
 * ```
 */
export interface ScimHandlerOptions {
  /** The resource types served, each at its endpoint (`/Users`, `/Groups`, …). */
  resourceTypes: readonly ServableResourceType[];
  store: Store;
  /** What `/ServiceProviderConfig` advertises; `filter.maxResults` also caps every page. */
  serviceProvider?: ServiceProviderOptions | undefined;
  /** Routing prefix, e.g. `/scim/v2` (default: none). Matched case-insensitively. */
  basePath?: string | undefined;
  /** Absolute base for `meta.location` and `Location`, e.g. `https://example.com/scim/v2`; derived from the request when absent. */
  baseUrl?: string | undefined;
  /** Receives every ignored or rejected attempt on a readOnly or immutable attribute, with `resourceType` and `resourceId` filled. */
  onViolation?: OnViolation | undefined;
  /** Receives unexpected exceptions (the client gets a generic 500). Must not throw; if it does, that is ignored. */
  onError?: ((error: unknown, request: Request) => void) | undefined;
  /**
   * Authenticates a request before anything else; false → 401 with `WWW-Authenticate: Bearer`
   * (RFC 7644 §2). Absent: every request is let through (authenticate in front of the handler).
   */
  authenticate?: ((request: Request) => boolean | Promise<boolean>) | undefined;
  /** Largest request body in bytes (default 1 MiB); larger → 413. */
  maxBodyBytes?: number | undefined;
  /** Most resources in one page (default `serviceProvider.filter.maxResults`, else 200); advertised as `filter.maxResults`. */
  maxResults?: number | undefined;
  /** Most operations in one PATCH (default 1,000). */
  maxOperations?: number | undefined;
  /** Longest `filter` text (default 8,192). */
  maxFilterLength?: number | undefined;
  /**
   * How often a PUT or PATCH without `If-Match` re-reads and re-applies after a concurrent
   * writer changed the resource in between (default 5); then 412.
   */
  maxWriteRetries?: number | undefined;
  /** Reject the non-RFC forms real clients send (DESIGN §4); default false. */
  strict?: boolean | undefined;
  /** Attributes a body may carry that no schema declares: `reject` (default, 400) or `ignore`. */
  unknownAttributes?: "reject" | "ignore" | undefined;
  /** New resource ids (default `crypto.randomUUID()`). */
  generateId?: (() => string) | undefined;
  /** The clock for `meta.created` / `meta.lastModified` (default `() => new Date()`). */
  now?: (() => Date) | undefined;
}
