import type { Filter } from "../path/ast.js";

/**
 * A resource as the store keeps it: the full representation (`schemas`, `id`, `meta` with
 * `version`, extension objects under their URN) including writeOnly values, which the handler
 * never returns. Plain JSON data.
 */
export type StoredResource = Readonly<Record<string, unknown>>;

/** One page of a list request (RFC 7644 §3.4.2). */
export interface ListQuery {
  /** The parsed `filter` (RFC 7644 §3.4.2.2), for stores that translate it (e.g. to SQL). */
  readonly filter: Filter | undefined;
  /**
   * The same filter compiled, schema-aware, by the resource type (`RT.matches`). A store that
   * cannot translate `filter` evaluates this on each candidate; one that translates part of it
   * still applies this to what it returns, so results are exactly the SDK's semantics.
   */
  readonly matches: ((resource: StoredResource) => boolean) | undefined;
  /** `sortBy`/`sortOrder` as a comparator (RFC 7644 §3.4.2.3); undefined: the store's stable order. */
  readonly compare: ((a: StoredResource, b: StoredResource) => number) | undefined;
  /** 1-based index of the first result (RFC 7644 §3.4.2.4). */
  readonly startIndex: number;
  /** Most results to return; 0 asks for `totalResults` only. */
  readonly count: number;
}

/** What `Store.list` returns. */
export interface ListResult {
  /** every match, whatever the page */
  readonly totalResults: number;
  /** the page */
  readonly resources: readonly StoredResource[];
}

/**
 * Persistence behind `createScimHandler`. Every method is atomic on its own; `expectedVersion`
 * (the `meta.version` the caller read) makes a write conditional, so concurrent writers lose no
 * update: a mismatch is a `ScimError` 412 (RFC 7644 §3.14). Resource types are named as
 * declared (`User`, `Group`); ids are the service provider's.
 */
export interface Store {
  get(resourceType: string, id: string): Promise<StoredResource | undefined>;
  list(resourceType: string, query: ListQuery): Promise<ListResult>;
  /** Stores a new resource (its `id` and `meta` already set). */
  create(resourceType: string, resource: StoredResource): Promise<void>;
  /**
   * Replaces a resource. Throws ScimError 404 when it does not exist and 412 when
   * `expectedVersion` is given and differs from the stored `meta.version`.
   */
  replace(resourceType: string, id: string, resource: StoredResource, expectedVersion?: string): Promise<void>;
  /** Deletes a resource: 404 when absent, 412 on a version mismatch. */
  delete(resourceType: string, id: string, expectedVersion?: string): Promise<void>;
}
