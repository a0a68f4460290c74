import type { OnViolation, ViolationEvent } from "../audit.js";
import { resourceIndex } from "../resource-type.js";
import type { ResolvedAttribute, ResourceIndex } from "../schema/schema-index.js";
import { ScimError } from "../errors.js";
import type { ScimHandlerOptions, ServableResourceType } from "./options.js";
import { DEFAULT_MAX_BODY_BYTES } from "./request-body.js";
import { groupsAttribute } from "./memberships.js";
import type { Store } from "./store.js";

/** A served resource type with what the handler derives from it once. */
export interface ServedType {
  readonly rt: ServableResourceType;
  readonly index: ResourceIndex;
  /** the endpoint as declared, e.g. `/Users` */
  readonly endpoint: string;
  /** the derived `groups` attribute (User), if any */
  readonly groups: ResolvedAttribute | undefined;
}

/** The handler's resolved configuration, shared by every request. */
export interface HandlerContext {
  readonly store: Store;
  readonly types: readonly ServedType[];
  readonly byEndpoint: ReadonlyMap<string, ServedType>;
  readonly byName: ReadonlyMap<string, ServedType>;
  readonly basePath: string;
  readonly baseUrl: string | undefined;
  readonly onViolation: OnViolation | undefined;
  readonly maxBodyBytes: number;
  readonly maxResults: number;
  readonly maxOperations: number;
  readonly maxFilterLength: number;
  readonly maxWriteRetries: number;
  readonly strict: boolean;
  readonly unknownAttributes: "reject" | "ignore";
  readonly generateId: () => string;
  readonly now: () => Date;
}

/** What one request carries through the operations. */
export interface RequestContext {
  readonly request: Request;
  readonly url: URL;
  /** absolute, without a trailing slash */
  readonly baseUrl: string;
}

function positive(name: string, value: number | undefined, fallback: number, min = 1): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isInteger(value) || value < min) {
    throw new TypeError(`createScimHandler: ${name} must be an integer ≥ ${min}`);
  }
  return value;
}

const DISCOVERY = new Set(["schemas", "resourcetypes", "serviceproviderconfig", ".search", "bulk", "me"]);

/** Resolves and checks the options once, at construction (a misconfiguration throws there, not per request). */
export function resolveContext(options: ScimHandlerOptions): HandlerContext {
  if (typeof options !== "object" || options === null) throw new TypeError("createScimHandler: options are required");
  const { store } = options;
  if (typeof store !== "object" || store === null) throw new TypeError("createScimHandler: a store is required");
  const byEndpoint = new Map<string, ServedType>();
  const byName = new Map<string, ServedType>();
  const types: ServedType[] = [];
  for (const rt of options.resourceTypes) {
    const index = resourceIndex(rt);
    const key = rt.endpoint.replace(/^\/+/, "").toLowerCase();
    if (DISCOVERY.has(key)) throw new TypeError(`createScimHandler: endpoint ${rt.endpoint} is reserved (RFC 7644 §3.2)`);
    if (byEndpoint.has(key)) throw new TypeError(`createScimHandler: two resource types use endpoint ${rt.endpoint}`);
    if (byName.has(rt.name)) throw new TypeError(`createScimHandler: two resource types are named ${rt.name}`);
    const served: ServedType = { rt, index, endpoint: `/${rt.endpoint.replace(/^\/+/, "")}`, groups: groupsAttribute(index) };
    byEndpoint.set(key, served);
    byName.set(rt.name, served);
    types.push(served);
  }
  if (types.length === 0) throw new TypeError("createScimHandler: resourceTypes must not be empty");
  const advertised = options.serviceProvider?.filter?.maxResults;
  return {
    store,
    types,
    byEndpoint,
    byName,
    basePath: (options.basePath ?? "").replace(/\/+$/, ""),
    baseUrl: options.baseUrl?.replace(/\/+$/, ""),
    onViolation: options.onViolation,
    maxBodyBytes: positive("maxBodyBytes", options.maxBodyBytes, DEFAULT_MAX_BODY_BYTES),
    maxResults: positive("maxResults", options.maxResults, advertised !== undefined && advertised >= 1 ? advertised : 200),
    maxOperations: positive("maxOperations", options.maxOperations, 1000),
    maxFilterLength: positive("maxFilterLength", options.maxFilterLength, 8192),
    maxWriteRetries: positive("maxWriteRetries", options.maxWriteRetries, 5, 0),
    strict: options.strict === true,
    unknownAttributes: options.unknownAttributes ?? "reject",
    generateId: options.generateId ?? (() => crypto.randomUUID()),
    now: options.now ?? (() => new Date()),
  };
}

/**
 * Collects a request's violation events and hands them to `onViolation` with the resource
 * type and id filled in. Buffered, because a PUT or PATCH that is re-applied after a
 * concurrent change must report each attempt on an attribute once, not once per try.
 */
export class ViolationBuffer {
  readonly #events: ViolationEvent[] = [];
  constructor(
    private readonly hook: OnViolation | undefined,
    private readonly resourceType: string,
    private readonly resourceId: string,
  ) {}

  /** The per-call `onViolation` option, or undefined when nobody listens (so a resource type's own hook still runs). */
  get option(): { onViolation: OnViolation } | Record<string, never> {
    return this.hook === undefined ? {} : { onViolation: (e: ViolationEvent) => void this.#events.push(e) };
  }

  /** Delivers the buffered events. */
  flush(): void {
    const events = this.#events.splice(0);
    for (const event of events) this.hook?.({ ...event, resourceType: this.resourceType, resourceId: this.resourceId });
  }

  /** Forgets the buffered events (the attempt is being redone). */
  discard(): void {
    this.#events.length = 0;
  }
}

/** 404 for a resource the client named. */
export function notFound(type: ServedType, id: string): ScimError {
  return new ScimError(404, undefined, `${type.rt.name} '${id}' not found`);
}
