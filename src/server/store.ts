import type { Filter } from "../path/ast.js";

/**
 * A resource as the store keeps it: the full representation (`schemas`, `id`, `meta` with
 * `resourceType`, `created`, `lastModified`, `version`; extension objects under their URN)
 * including writeOnly values, which the handler never returns. Plain JSON data. Derived
 * values are not stored: `meta.location` (it depends on the base URL) and a User's `groups`
 * (RFC 7643 §4.1.2: read from {@link Store.memberships}, so it can never go stale).
 *
 * @example
 * ```ts
 * const stored: StoredResource | undefined = await store.get("User", "2819c223");
 * ```
 */
export type StoredResource = Readonly<Record<string, unknown>>;

/**
 * One value of an attribute with `uniqueness: "server"` or `"global"` (RFC 7643 §7), e.g.
 * `userName`. The handler computes these from the schema; the store only compares strings.
 *
 * @example
 * ```ts
 * const key: UniqueKey = { attribute: "userName", value: "bjensen" }; // lower-cased: userName is not caseExact
 * ```
 */
export interface UniqueKey {
  /** the canonical attribute path: `userName`, `urn:…:Employee:badgeId` */
  readonly attribute: string;
  /** the value normalised for comparison: lower-cased unless the attribute is caseExact; JSON text for non-strings */
  readonly value: string;
}

/**
 * What a store indexes beside each resource it writes. The handler computes it from the
 * schema, so the store needs no schema knowledge (an SQL store keeps these in side tables).
 *
 * @example
 * ```ts
 * const index: IndexEntries = { unique: [{ attribute: "userName", value: "bjensen" }], members: [], display: undefined };
 * ```
 */
export interface IndexEntries {
  /**
   * Must not collide with the keys of another resource of the same resource type: a write
   * that would collide fails, atomically with the write itself, with ScimError 409
   * `uniqueness` (RFC 7644 §3.3, §3.5.1) — see `uniquenessError`.
   */
  readonly unique: readonly UniqueKey[];
  /** the ids this resource lists as direct members (a Group's `members[].value`), for {@link Store.memberships} */
  readonly members: readonly string[];
  /** the resource's human-readable name for membership listings (a Group's `displayName`) */
  readonly display: string | undefined;
}

/**
 * A resource with its index entries: what {@link DeleteOptions.detach} returns.
 *
 * @example
 * ```ts
 * await store.delete("User", id, {
 *   detach: (holderType, holder): StoredWrite => ({ resource: withoutMember(holder, id), index: indexOf(holderType, holder) }),
 * });
 * ```
 */
export interface StoredWrite {
  readonly resource: StoredResource;
  readonly index: IndexEntries;
}

/**
 * One resource (a Group) that lists a given id among its direct members.
 *
 * @example
 * ```ts
 * const groups = (await store.memberships([userId])).get(userId) ?? [];
 * // [{ resourceType: "Group", id: "e9e30dba", display: "Tour Guides" }]
 * ```
 */
export interface Membership {
  /** the holder's resource type name, e.g. `Group` */
  readonly resourceType: string;
  readonly id: string;
  /** {@link IndexEntries.display} of the holder */
  readonly display: string | undefined;
}

/**
 * One page of a list request (RFC 7644 §3.4.2).
 *
 * @example
 * ```ts
 * async list(type: string, query: ListQuery): Promise<ListResult> {
 *   const matching = (await this.all(type)).filter((r) => query.matches?.(r) ?? true).sort(query.compare);
 *   return { totalResults: matching.length, resources: matching.slice(query.startIndex - 1, query.startIndex - 1 + query.count) };
 * }
 * ```
 */
export interface ListQuery {
  /** The parsed `filter` (RFC 7644 §3.4.2.2), for stores that translate it (e.g. to SQL). */
  readonly filter: Filter | undefined;
  /**
   * The same filter compiled, schema-aware, by the resource type (`RT.matches`). A store that
   * cannot translate `filter` evaluates this on each candidate; one that translates part of it
   * still applies this to what it returns, so results are exactly the SDK's semantics.
   */
  readonly matches: ((resource: StoredResource) => boolean) | undefined;
  /** `sortBy`/`sortOrder` as a comparator (RFC 7644 §3.4.2.3); undefined: the store's stable order (e.g. creation). */
  readonly compare: ((a: StoredResource, b: StoredResource) => number) | undefined;
  /** 1-based index of the first result (RFC 7644 §3.4.2.4); always ≥ 1. */
  readonly startIndex: number;
  /** Most results to return, already capped by the handler; 0 asks for `totalResults` only. */
  readonly count: number;
}

/**
 * What `Store.list` returns.
 *
 * @example
 * ```ts
 * const result: ListResult = { totalResults: 42, resources: page };
 * ```
 */
export interface ListResult {
  /** every match, whatever the page */
  readonly totalResults: number;
  /** the page */
  readonly resources: readonly StoredResource[];
}

/**
 * Options of {@link Store.delete}.
 *
 * @example
 * ```ts
 * await store.delete("User", id, { expectedVersion: 'W/"3"' }); // 412 if it changed since
 * ```
 */
export interface DeleteOptions {
  /** delete only if the stored `meta.version` equals this; otherwise ScimError 412 */
  readonly expectedVersion?: string | undefined;
  /**
   * Called synchronously, inside the same atomic operation, for every resource whose
   * {@link IndexEntries.members} list the deleted id; the store writes back what it returns
   * (the holder without that member, with a new `meta.version`). This is how a deleted User
   * leaves its Groups (RFC 7644 §3.6: "SHALL NOT consider the deleted resource in any
   * subsequent operation") without the store knowing what `members` is.
   */
  readonly detach?: ((holderType: string, holder: StoredResource) => StoredWrite) | undefined;
}

/**
 * Persistence behind `createScimHandler`. Every method is async and atomic on its own, and
 * never hands out or keeps a reference the caller could mutate (copy in, copy out).
 * `expectedVersion` (the `meta.version` the caller read) makes a write conditional, so
 * concurrent writers lose no update: a mismatch is ScimError 412 (RFC 7644 §3.14), which the
 * handler may answer by re-reading. Resource types are named as declared (`User`, `Group`);
 * ids are the service provider's (the handler generates them). Errors a store throws for the
 * client's sake are `ScimError`s (404, 409, 412); anything else becomes a 500.
 *
 * @example
 * ```ts
 * class PostgresStore implements Store {
 *   async get(type: string, id: string) { … }
 *   // list, create, replace, delete, memberships: see the contract of each method
 * }
 * ```
 */
export interface Store {
  /** The resource, or undefined when there is none. */
  get(resourceType: string, id: string): Promise<StoredResource | undefined>;
  /** The resources matching `query.matches`, sorted by `query.compare`, one page of them. */
  list(resourceType: string, query: ListQuery): Promise<ListResult>;
  /**
   * Stores a new resource (its `id` and `meta` already set). ScimError 409 `uniqueness` when
   * the id exists or a unique key collides.
   */
  create(resourceType: string, resource: StoredResource, index: IndexEntries): Promise<void>;
  /**
   * Replaces a resource and its index entries. ScimError 404 when it does not exist, 412 when
   * `expectedVersion` is given and differs from the stored `meta.version`, 409 `uniqueness`
   * when a unique key collides with another resource's.
   */
  replace(
    resourceType: string,
    id: string,
    resource: StoredResource,
    index: IndexEntries,
    expectedVersion?: string,
  ): Promise<void>;
  /** Deletes a resource (and detaches it from its holders): 404 when absent, 412 on a version mismatch. */
  delete(resourceType: string, id: string, options?: DeleteOptions): Promise<void>;
  /**
   * For each id, the resources listing it among their direct members (a User's Groups,
   * RFC 7643 §4.1.2): one batched query for a whole page. Ids without any are absent or map to `[]`.
   */
  memberships(memberIds: readonly string[]): Promise<ReadonlyMap<string, readonly Membership[]>>;
}
