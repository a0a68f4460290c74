import type {
  DeleteOptions,
  IndexEntries,
  ListQuery,
  ListResult,
  Membership,
  Store,
  StoredResource,
  StoredWrite,
} from "./store.js";
import { duplicateIdError, notFoundError, uniquenessError, versionMismatchError } from "./store-errors.js";

interface Entry {
  resource: StoredResource;
  index: IndexEntries;
}

interface TypeTable {
  /** insertion order is the stable list order */
  readonly resources: Map<string, Entry>;
  /** `attribute \0 value` → id */
  readonly unique: Map<string, string>;
}

const uniqueSlot = (attribute: string, value: string): string => `${attribute}\u0000${value}`;
const holderSlot = (resourceType: string, id: string): string => `${resourceType}\u0000${id}`;

function versionOf(resource: StoredResource): unknown {
  const meta = resource.meta;
  return typeof meta === "object" && meta !== null ? (meta as Record<string, unknown>).version : undefined;
}

function copyIndex(index: IndexEntries): IndexEntries {
  return { unique: index.unique.map((k) => ({ attribute: k.attribute, value: k.value })), members: [...index.members], display: index.display };
}

/**
 * An in-memory {@link Store} for tests and small single-process deployments. Every method does
 * all of its work synchronously once called (no `await` inside), so each call is atomic with
 * respect to any other async caller in the process. Resources are deep-copied on the way in
 * and on the way out: nothing a caller holds aliases stored state.
 *
 * @example
 * ```ts
 * const handle = createScimHandler({ resourceTypes: [UserResourceType, GroupResourceType], store: new MemoryStore() });
 * ```
 */
export class MemoryStore implements Store {
  readonly #types = new Map<string, TypeTable>();
  /** member id → holders (`type \0 id` → their type and id) */
  readonly #holders = new Map<string, Map<string, { resourceType: string; id: string }>>();

  #table(resourceType: string): TypeTable {
    let table = this.#types.get(resourceType);
    if (table === undefined) {
      table = { resources: new Map(), unique: new Map() };
      this.#types.set(resourceType, table);
    }
    return table;
  }

  async get(resourceType: string, id: string): Promise<StoredResource | undefined> {
    const entry = this.#types.get(resourceType)?.resources.get(id);
    return entry === undefined ? undefined : structuredClone(entry.resource);
  }

  async list(resourceType: string, query: ListQuery): Promise<ListResult> {
    const table = this.#types.get(resourceType);
    if (table === undefined) return { totalResults: 0, resources: [] };
    // `matches` and `compare` only read, and see stored objects that are never handed out.
    let found: StoredResource[] = [];
    for (const { resource } of table.resources.values()) {
      if (query.matches === undefined || query.matches(resource)) found.push(resource);
    }
    if (query.compare !== undefined) found = found.sort(query.compare);
    const start = Math.max(1, query.startIndex) - 1;
    const page = query.count <= 0 ? [] : found.slice(start, start + query.count);
    return { totalResults: found.length, resources: page.map((r) => structuredClone(r)) };
  }

  async create(resourceType: string, resource: StoredResource, index: IndexEntries): Promise<void> {
    const id = String(resource.id);
    const table = this.#table(resourceType);
    if (table.resources.has(id)) throw duplicateIdError(resourceType, id);
    this.#checkUnique(resourceType, table, id, index);
    this.#put(resourceType, table, id, { resource: structuredClone(resource), index: copyIndex(index) });
  }

  async replace(
    resourceType: string,
    id: string,
    resource: StoredResource,
    index: IndexEntries,
    expectedVersion?: string,
  ): Promise<void> {
    const table = this.#types.get(resourceType);
    const entry = table?.resources.get(id);
    if (table === undefined || entry === undefined) throw notFoundError(resourceType, id);
    if (expectedVersion !== undefined && versionOf(entry.resource) !== expectedVersion) {
      throw versionMismatchError(resourceType, id);
    }
    this.#checkUnique(resourceType, table, id, index);
    this.#put(resourceType, table, id, { resource: structuredClone(resource), index: copyIndex(index) });
  }

  async delete(resourceType: string, id: string, options: DeleteOptions = {}): Promise<void> {
    const table = this.#types.get(resourceType);
    const entry = table?.resources.get(id);
    if (table === undefined || entry === undefined) throw notFoundError(resourceType, id);
    if (options.expectedVersion !== undefined && versionOf(entry.resource) !== options.expectedVersion) {
      throw versionMismatchError(resourceType, id);
    }
    // Compute every holder's new state first, so that a throwing `detach` leaves nothing half done.
    const rewrites: { resourceType: string; id: string; write: StoredWrite }[] = [];
    const holders = this.#holders.get(id);
    if (options.detach !== undefined && holders !== undefined) {
      for (const holder of holders.values()) {
        if (holder.resourceType === resourceType && holder.id === id) continue;
        const stored = this.#types.get(holder.resourceType)?.resources.get(holder.id);
        if (stored === undefined) continue;
        const write = options.detach(holder.resourceType, structuredClone(stored.resource));
        rewrites.push({ resourceType: holder.resourceType, id: holder.id, write });
      }
    }
    this.#remove(resourceType, table, id);
    for (const { resourceType: type, id: holderId, write } of rewrites) {
      // Detaching removes a member; it cannot introduce a unique key another resource holds.
      this.#put(type, this.#table(type), holderId, { resource: structuredClone(write.resource), index: copyIndex(write.index) });
    }
  }

  async memberships(memberIds: readonly string[]): Promise<ReadonlyMap<string, readonly Membership[]>> {
    const out = new Map<string, Membership[]>();
    for (const memberId of memberIds) {
      const holders = this.#holders.get(memberId);
      if (holders === undefined || out.has(memberId)) continue;
      const list: Membership[] = [];
      for (const { resourceType, id } of holders.values()) {
        const entry = this.#types.get(resourceType)?.resources.get(id);
        if (entry !== undefined) list.push({ resourceType, id, display: entry.index.display });
      }
      out.set(memberId, list);
    }
    return out;
  }

  /** Number of resources of a type: for tests and diagnostics. */
  size(resourceType: string): number {
    return this.#types.get(resourceType)?.resources.size ?? 0;
  }

  #checkUnique(resourceType: string, table: TypeTable, id: string, index: IndexEntries): void {
    for (const key of index.unique) {
      const owner = table.unique.get(uniqueSlot(key.attribute, key.value));
      if (owner !== undefined && owner !== id) throw uniquenessError(resourceType, key);
    }
  }

  #put(resourceType: string, table: TypeTable, id: string, entry: Entry): void {
    const previous = table.resources.get(id);
    if (previous !== undefined) this.#unindex(resourceType, table, id, previous.index);
    table.resources.set(id, entry);
    for (const key of entry.index.unique) table.unique.set(uniqueSlot(key.attribute, key.value), id);
    for (const member of entry.index.members) {
      let holders = this.#holders.get(member);
      if (holders === undefined) {
        holders = new Map();
        this.#holders.set(member, holders);
      }
      holders.set(holderSlot(resourceType, id), { resourceType, id });
    }
  }

  #remove(resourceType: string, table: TypeTable, id: string): void {
    const entry = table.resources.get(id);
    if (entry === undefined) return;
    this.#unindex(resourceType, table, id, entry.index);
    table.resources.delete(id);
  }

  #unindex(resourceType: string, table: TypeTable, id: string, index: IndexEntries): void {
    for (const key of index.unique) {
      const slot = uniqueSlot(key.attribute, key.value);
      if (table.unique.get(slot) === id) table.unique.delete(slot);
    }
    for (const member of index.members) {
      const holders = this.#holders.get(member);
      holders?.delete(holderSlot(resourceType, id));
      if (holders?.size === 0) this.#holders.delete(member);
    }
  }
}
