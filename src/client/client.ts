import type { ListResponse } from "../discovery/discovery.js";
import { ERROR_URN, ScimError, type ScimType } from "../errors.js";
import { type PatchBuilder, patch as patchBuilder } from "../patch/builder.js";
import type { Filter } from "../path/ast.js";
import { printFilter } from "../path/print.js";
import type { AnyResourceType } from "../resource-type.js";
import type { CreateInput, ReplaceInput } from "../types/input.js";
import type { PatchRequest } from "../types/patch-path.js";
import type { ScimResource } from "../types/resource.js";
import { type RetryOptions, type RetryPolicy, retryDelay, retryPolicy } from "./retry.js";

const SCIM_JSON = "application/scim+json";

/**
 * Options of {@link createScimClient}.
 *
 * @example
 * ```ts
 * const options: ScimClientOptions<[User, Group]> = {
 *   baseUrl: "http://127.0.0.1:8080/scim/v2",
 *   token: process.env.SCIM_TOKEN,
 *   resourceTypes: [UserResourceType, GroupResourceType],
 * };
 * ```
 */
export interface ScimClientOptions<RTs extends readonly AnyResourceType[]> {
  /** The service provider's base URL, e.g. `https://example.com/scim/v2`. */
  readonly baseUrl: string | URL;
  /** Bearer token, or a function returning one (called per request, so it may refresh). */
  readonly token?: string | undefined | (() => string | Promise<string>);
  /** The resource types to talk to: each becomes `client[name]`. */
  readonly resourceTypes: RTs;
  /** A fetch implementation (default the global one): inject for tests, proxies or logging. */
  readonly fetch?: (input: Request) => Promise<Response>;
  /** Retry policy for 429 and 503 answers; `false` sends each request once. */
  readonly retry?: RetryOptions | false;
  /** Headers added to every request. */
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * Per-call options of every request.
 *
 * @example
 * ```ts
 * await client.User.get(id, { signal: AbortSignal.timeout(5_000) });
 * ```
 */
export interface RequestOptions {
  /** Aborts the request, and any wait between retries. */
  readonly signal?: AbortSignal | undefined;
  /** Headers added to this request. */
  readonly headers?: Readonly<Record<string, string>> | undefined;
}

/**
 * Something an `If-Match` precondition can be taken from: an ETag string, or a resource the
 * client returned (its response `ETag`, else its `meta.version`).
 *
 * @example
 * ```ts
 * const user = await client.User.get(id);
 * await client.User.delete(id, { ifMatch: user }); // same as { ifMatch: etagOf(user) }
 * ```
 */
export type IfMatch = string | { readonly meta?: { readonly version?: string | undefined } | undefined };

/**
 * Options of the writes (`replace`, `patch`, `delete`).
 *
 * @example
 * ```ts
 * await client.User.replace(id, input, { ifMatch: 'W/"3694e05e9dff590"' });
 * ```
 */
export interface WriteOptions extends RequestOptions {
  /** Sends `If-Match` (RFC 7644 §3.14): the server answers 412 if the resource changed since. */
  readonly ifMatch?: IfMatch | undefined;
}

/**
 * Attribute projection (RFC 7644 §3.4.2.5); names may be URN-qualified.
 *
 * @example
 * ```ts
 * const slim = await client.User.get(id, { attributes: ["userName", "emails"] });
 * ```
 */
export interface ProjectionOptions {
  /** Return only these attributes (and those `returned: "always"`). */
  readonly attributes?: readonly string[] | undefined;
  /** Return the default attributes except these. */
  readonly excludedAttributes?: readonly string[] | undefined;
}

/**
 * Query options of `list` (RFC 7644 §3.4.2).
 *
 * @example
 * ```ts
 * const page = await client.User.list({ filter: 'userName sw "b"', sortBy: "userName", count: 50 });
 * ```
 */
export interface ListOptions extends RequestOptions, ProjectionOptions {
  /** A filter (RFC 7644 §3.4.2.2), as text or as the AST `parseFilter` returns. */
  readonly filter?: string | Filter | undefined;
  /** Attribute to sort by (RFC 7644 §3.4.2.3). */
  readonly sortBy?: string | undefined;
  /** Default `ascending`. */
  readonly sortOrder?: "ascending" | "descending" | undefined;
  /** 1-based index of the first result. */
  readonly startIndex?: number | undefined;
  /** Page size. */
  readonly count?: number | undefined;
}

/** Options without a projection: the full `ScimResource<RT>` comes back. */
type Unprojected = { readonly attributes?: undefined; readonly excludedAttributes?: undefined };

/**
 * A resource returned under `attributes`/`excludedAttributes`: any attribute may be missing
 * except `schemas` and `id` (`returned: "always"`).
 *
 * @example
 * ```ts
 * const slim: ProjectedResource<User> = await client.User.get(id, { attributes: ["userName"] });
 * ```
 */
export type ProjectedResource<RT extends AnyResourceType> = Partial<ScimResource<RT>> & { schemas: string[]; id: string };

/**
 * What `patch` takes: a function of the typed builder, a builder, or a typed PatchOp body.
 *
 * @example
 * ```ts
 * const change: PatchInput<User> = (p) => p.replace("title", "Tour Guide");
 * ```
 */
export type PatchInput<RT extends AnyResourceType> =
  | ((p: PatchBuilder<RT>) => PatchBuilder<RT>)
  | PatchBuilder<RT>
  | PatchRequest<RT>;

/**
 * The typed operations on one resource type's endpoint. Inputs are the views of the
 * declaration (`CreateInput`, `ReplaceInput`, the typed PATCH builder), so provisioning code
 * that writes an immutable or readOnly attribute does not compile; responses are
 * `ScimResource<RT>`. Every SCIM error answer is thrown as a `ScimError`.
 *
 * @example
 * ```ts
 * const users: ResourceClient<User> = client.User; // or client.resource(UserResourceType)
 * const babs = await users.create({ schemas: [UserSchema.id], userName: "bjensen" });
 * await users.patch(babs.id, (p) => p.replace("title", "Tour Guide"), { ifMatch: babs });
 * ```
 */
export interface ResourceClient<RT extends AnyResourceType> {
  /** The resource type this client speaks for. */
  readonly resourceType: RT;
  /** POST a new resource (RFC 7644 §3.3); resolves to the created resource (201). */
  create(input: CreateInput<RT>, options?: RequestOptions): Promise<ScimResource<RT>>;
  /** GET one resource by id (RFC 7644 §3.4.1); 404 is a `ScimError`. */
  get(id: string, options?: RequestOptions & Unprojected): Promise<ScimResource<RT>>;
  /** GET one resource with `attributes` or `excludedAttributes`. */
  get(id: string, options: RequestOptions & ProjectionOptions): Promise<ProjectedResource<RT>>;
  /** GET a page of resources (RFC 7644 §3.4.2). */
  list(options?: ListOptions & Unprojected): Promise<ListResponse<ScimResource<RT>>>;
  /** GET a page of resources with `attributes` or `excludedAttributes`. */
  list(options: ListOptions): Promise<ListResponse<ProjectedResource<RT>>>;
  /** Every resource matching the query, fetching page after page (`count` is the page size, default 100). */
  all(options?: Omit<ListOptions, "startIndex"> & Unprojected): AsyncIterable<ScimResource<RT>>;
  /** PUT (RFC 7644 §3.5.1): immutable values must equal the stored ones (else 400 `mutability`). */
  replace(id: string, input: ReplaceInput<RT>, options?: WriteOptions): Promise<ScimResource<RT>>;
  /**
   * PATCH (RFC 7644 §3.5.2) with the typed builder: `patch(id, p => p.replace("title", "x"))`.
   * Resolves to the resource, or to undefined when the server answers 204 No Content.
   */
  patch(id: string, change: PatchInput<RT>, options?: WriteOptions): Promise<ScimResource<RT> | undefined>;
  /** DELETE (RFC 7644 §3.6). */
  delete(id: string, options?: WriteOptions): Promise<void>;
}

/**
 * The client: one {@link ResourceClient} per resource type, keyed by the resource type's
 * name (`client.User`, `client.Group`), plus `resource(RT)` for any other resource type.
 *
 * @example
 * ```ts
 * const client: ScimClient<[User, Group]> = createScimClient({ baseUrl, token, resourceTypes: [UserResourceType, GroupResourceType] });
 * const group = await client.Group.get(groupId);
 * ```
 */
export type ScimClient<RTs extends readonly AnyResourceType[]> = {
  readonly [RT in RTs[number] as RT["name"]]: ResourceClient<RT>;
} & ScimClientBase;

/**
 * What every client has besides its per-resource-type members.
 *
 * @example
 * ```ts
 * const devices = client.resource(DeviceResourceType);
 * ```
 */
export interface ScimClientBase {
  /** The typed client of any resource type, listed in `resourceTypes` or not. */
  resource<RT extends AnyResourceType>(resourceType: RT): ResourceClient<RT>;
  /** The base URL, without a trailing slash. */
  readonly baseUrl: string;
}

const RESERVED_NAMES = new Set(["resource", "baseUrl", "then"]);

// ETags of the objects this client returned; a WeakMap so that resources stay plain JSON data.
const etags = new WeakMap<object, string>();

/**
 * The ETag of a resource this client returned: the response's `ETag` header, else its
 * `meta.version` (RFC 7644 §3.14). Undefined when the server sends neither.
 *
 * @example
 * ```ts
 * const user = await client.User.get(id);
 * await client.User.replace(id, { ...input }, { ifMatch: etagOf(user) });
 * ```
 */
export function etagOf(resource: object): string | undefined {
  const version = (resource as { meta?: { version?: unknown } }).meta?.version;
  return etags.get(resource) ?? (typeof version === "string" ? version : undefined);
}

/**
 * A typed SCIM 2.0 client for provisioning code. Each resource type in `resourceTypes`
 * becomes a member named after it; its methods take the views derived from the declaration,
 * so an update of an immutable or readOnly attribute fails to compile.
 *
 * Requests send `application/scim+json` and the bearer token; SCIM error answers (RFC 7644
 * §3.12) become `ScimError`s with the HTTP status, `scimType` and `detail`; 429 and 503 are
 * retried with exponential backoff and jitter, honouring `Retry-After` (GET, PUT, DELETE always;
 * POST and PATCH only when the server sends `Retry-After`).
 *
 * @example
 * ```ts
 * import { GroupResourceType, UserResourceType, UserSchema } from "scimtype";
 * import { createScimClient } from "scimtype/client";
 *
 * const client = createScimClient({
 *   baseUrl: "http://127.0.0.1:8080/scim/v2",
 *   token: process.env.SCIM_TOKEN,
 *   resourceTypes: [UserResourceType, GroupResourceType],
 * });
 * const babs = await client.User.create({ schemas: [UserSchema.id], userName: "bjensen" });
 * await client.User.patch(babs.id, (p) => p.replace("name.givenName", "Babs"));
 * // client.User.patch(babs.id, (p) => p.replace("id", "x")); // does not compile: readOnly
 * ```
 */
export function createScimClient<const RTs extends readonly AnyResourceType[]>(
  options: ScimClientOptions<RTs>,
): ScimClient<RTs> {
  const baseUrl = String(options.baseUrl).replace(/\/+$/, "");
  if (!/^https?:\/\//i.test(baseUrl)) throw new TypeError(`baseUrl must be an http(s) URL, got ${JSON.stringify(baseUrl)}`);
  const http = new Http(baseUrl, options);
  // One ResourceClient per resource type object; `unknown` because the map mixes resource types.
  const clients = new Map<AnyResourceType, unknown>();
  const resource = <RT extends AnyResourceType>(rt: RT): ResourceClient<RT> => {
    let c = clients.get(rt) as ResourceClient<RT> | undefined;
    if (c === undefined) {
      c = resourceClient(http, rt);
      clients.set(rt, c);
    }
    return c;
  };
  const client: Record<string, unknown> = { resource, baseUrl };
  for (const rt of options.resourceTypes) {
    if (RESERVED_NAMES.has(rt.name)) throw new TypeError(`A resource type named '${rt.name}' would hide client.${rt.name}: use client.resource(RT)`);
    if (Object.hasOwn(client, rt.name)) throw new TypeError(`Two resource types are named '${rt.name}'`);
    client[rt.name] = resource(rt);
  }
  return Object.freeze(client) as ScimClient<RTs>;
}

function resourceClient<RT extends AnyResourceType>(http: Http, rt: RT): ResourceClient<RT> {
  const path = (id?: string) => (id === undefined ? rt.endpoint : `${rt.endpoint}/${encodeURIComponent(requireId(id))}`);
  const c = {
    resourceType: rt,
    async create(input: unknown, options?: RequestOptions) {
      return expectResource(await http.send("POST", path(), { body: input, ...options }), "POST", path());
    },
    async get(id: string, options?: RequestOptions & ProjectionOptions) {
      return expectResource(await http.send("GET", path(id), { query: projection(options), ...options }), "GET", path(id));
    },
    async list(options: ListOptions = {}) {
      const { body } = await http.send("GET", path(), { query: listQuery(options), ...options });
      return normalizeList(body, path());
    },
    async *all(options: Omit<ListOptions, "startIndex"> = {}) {
      const count = options.count ?? 100;
      let startIndex = 1;
      for (;;) {
        const page = (await c.list({ ...options, startIndex, count })) as ListResponse<unknown>;
        yield* page.Resources;
        startIndex += page.Resources.length;
        // Stop on an empty page too: a server that ignores startIndex must not loop forever.
        if (page.Resources.length === 0 || startIndex > page.totalResults) return;
      }
    },
    async replace(id: string, input: unknown, options?: WriteOptions) {
      return expectResource(await http.send("PUT", path(id), { body: input, ...withIfMatch(options) }), "PUT", path(id));
    },
    async patch(id: string, change: PatchInput<RT>, options?: WriteOptions) {
      const built = typeof change === "function" ? change(patchBuilder(rt)) : change;
      const body = "toJSON" in built && typeof built.toJSON === "function" ? built.toJSON() : built;
      const response = await http.send("PATCH", path(id), { body, ...withIfMatch(options) });
      return response.status === 204 || response.body === undefined ? undefined : expectResource(response, "PATCH", path(id));
    },
    async delete(id: string, options?: WriteOptions) {
      await http.send("DELETE", path(id), { ...withIfMatch(options) });
    },
  };
  return c as unknown as ResourceClient<RT>;
}

function requireId(id: string): string {
  if (typeof id !== "string" || id === "") throw new TypeError(`A resource id must be a non-empty string, got ${JSON.stringify(id)}`);
  return id;
}

function projection(options: ProjectionOptions | undefined): Record<string, string> {
  const query: Record<string, string> = {};
  if (options?.attributes !== undefined) query.attributes = options.attributes.join(",");
  if (options?.excludedAttributes !== undefined) query.excludedAttributes = options.excludedAttributes.join(",");
  return query;
}

function listQuery(options: ListOptions): Record<string, string> {
  const query = projection(options);
  if (options.filter !== undefined) query.filter = typeof options.filter === "string" ? options.filter : printFilter(options.filter);
  if (options.sortBy !== undefined) query.sortBy = options.sortBy;
  if (options.sortOrder !== undefined) query.sortOrder = options.sortOrder;
  if (options.startIndex !== undefined) query.startIndex = String(options.startIndex);
  if (options.count !== undefined) query.count = String(options.count);
  return query;
}

function withIfMatch(options: WriteOptions | undefined): RequestOptions {
  if (options?.ifMatch === undefined) return options ?? {};
  const { ifMatch, ...rest } = options;
  const etag = typeof ifMatch === "string" ? ifMatch : etagOf(ifMatch);
  if (etag === undefined) throw new TypeError("ifMatch: the resource has no ETag (no ETag header and no meta.version)");
  return { ...rest, headers: { ...rest.headers, "if-match": etag } };
}

interface HttpResult {
  status: number;
  headers: Headers;
  body: unknown;
}

function expectResource(result: HttpResult, method: string, path: string): object {
  const body = result.body;
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new ScimError(502, undefined, `${method} ${path}: expected a resource in the ${result.status} response, got ${body === undefined ? "no body" : typeof body}`);
  }
  const etag = result.headers.get("etag");
  if (etag !== null) etags.set(body, etag);
  return body;
}

function normalizeList(body: unknown, path: string): ListResponse<never> {
  const list = body as Partial<ListResponse<never>> | undefined;
  if (typeof list !== "object" || list === null || typeof list.totalResults !== "number") {
    throw new ScimError(502, undefined, `GET ${path}: expected a ListResponse (RFC 7644 §3.4.2)`);
  }
  // RFC 7644 §3.4.2: Resources may be left out when there are no results.
  const resources = Array.isArray(list.Resources) ? list.Resources : [];
  return { ...list, Resources: resources, itemsPerPage: list.itemsPerPage ?? resources.length, startIndex: list.startIndex ?? 1 } as ListResponse<never>;
}

const SCIM_TYPES: ReadonlySet<string> = new Set<ScimType>([
  "invalidFilter",
  "tooMany",
  "uniqueness",
  "mutability",
  "invalidSyntax",
  "invalidPath",
  "noTarget",
  "invalidValue",
  "invalidVers",
  "sensitive",
]);

class Http {
  private readonly policy: RetryPolicy;
  private readonly fetch: (input: Request) => Promise<Response>;

  constructor(
    private readonly baseUrl: string,
    private readonly options: ScimClientOptions<readonly AnyResourceType[]>,
  ) {
    this.policy = retryPolicy(options.retry);
    this.fetch = options.fetch ?? ((request) => globalThis.fetch(request));
  }

  async send(
    method: string,
    path: string,
    init: RequestOptions & { body?: unknown; query?: Record<string, string> },
  ): Promise<HttpResult> {
    const url = new URL(`${this.baseUrl}${path}`);
    for (const [k, v] of Object.entries(init.query ?? {})) url.searchParams.set(k, v);
    const body = init.body === undefined ? undefined : JSON.stringify(init.body);
    const token = typeof this.options.token === "function" ? await this.options.token() : this.options.token;
    const headers: Record<string, string> = {
      accept: `${SCIM_JSON}, application/json`,
      ...(body !== undefined ? { "content-type": SCIM_JSON } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...this.options.headers,
      ...init.headers,
    };
    for (let attempt = 1; ; attempt++) {
      const request = new Request(url, { method, headers, ...(body !== undefined ? { body } : {}), ...(init.signal ? { signal: init.signal } : {}) });
      const response = await this.fetch(request);
      if (response.ok) return { status: response.status, headers: response.headers, body: await readBody(response, method, path) };
      const delay = retryDelay(this.policy, method, response.status, response.headers.get("retry-after"), attempt);
      if (delay === undefined) throw await toScimError(response, method, path);
      await response.body?.cancel(); // free the connection before waiting
      await this.policy.sleep(delay, init.signal);
    }
  }
}

async function readBody(response: Response, method: string, path: string): Promise<unknown> {
  const text = await response.text();
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new ScimError(502, undefined, `${method} ${path}: the ${response.status} response is not JSON`);
  }
}

/** An error answer as a `ScimError`: the RFC 7644 §3.12 body when there is one, the HTTP status always. */
async function toScimError(response: Response, method: string, path: string): Promise<ScimError> {
  const text = await response.text().catch(() => "");
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  const b = (typeof body === "object" && body !== null ? body : {}) as Record<string, unknown>;
  const isScim = Array.isArray(b.schemas) ? b.schemas.includes(ERROR_URN) : "status" in b || "detail" in b;
  const cause = { method, path, status: response.status, body: body ?? text };
  if (!isScim) {
    const snippet = text.trim().slice(0, 200);
    return new ScimError(response.status, undefined, `${method} ${path}: HTTP ${response.status}${snippet ? `: ${snippet}` : ""}`, { cause });
  }
  const scimType = typeof b.scimType === "string" && SCIM_TYPES.has(b.scimType) ? (b.scimType as ScimType) : undefined;
  const detail = typeof b.detail === "string" && b.detail !== "" ? b.detail : `${method} ${path}: HTTP ${response.status}`;
  return new ScimError(response.status, scimType, detail, { cause });
}
