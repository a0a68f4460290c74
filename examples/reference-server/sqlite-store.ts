// A `Store` (scimtype/server) on SQLite through better-sqlite3 12.
//
// Layout: one `resources` table holding each resource as JSON text, and side tables the store
// keeps in step with it inside the same transaction: `unique_keys` (the handler's IndexEntries
// for attributes with uniqueness "server"), `members` (who lists whom as a member, for a
// User's `groups`), `attr_index` (lower-cased values of a few attributes, for filter push-down)
// and `audit` (onViolation events). better-sqlite3 is synchronous, so every method runs to its
// end without yielding to another request of this process; each write is additionally one
// `BEGIN IMMEDIATE` transaction, so it is atomic on disk and against other processes that open
// the same file, and `expectedVersion` is compared with the row inside that transaction.
import Database from "better-sqlite3";
import { ScimError, type Filter, type ViolationEvent } from "scimtype";
import type {
  DeleteOptions,
  IndexEntries,
  ListQuery,
  ListResult,
  Membership,
  Store,
  StoredResource,
  UniqueKey,
} from "scimtype/server";

export interface SqliteStoreOptions {
  /** Database file; `:memory:` for a private in-memory database. */
  readonly path: string;
  /**
   * Attribute paths indexed per resource type (`userName`, `emails.value`,
   * `urn:…:Employee:employeeId`): an `eq` filter on one of them reads matching rows only.
   */
  readonly indexedAttributes?: Readonly<Record<string, readonly string[]>>;
  /**
   * `full` (default) syncs the WAL on every commit, so an acknowledged write survives power
   * loss; `normal` survives a crash of this process but not of the machine, and is faster.
   */
  readonly synchronous?: "full" | "normal";
}

/** One row of the `audit` table, as {@link SqliteStore.auditLog} returns it. */
export interface AuditRow {
  readonly seq: number;
  readonly at: string;
  readonly kind: string;
  readonly resourceType: string;
  readonly resourceId: string | null;
  readonly path: string;
  readonly mutability: string;
  readonly action: string;
  readonly operationIndex: number | null;
  readonly stored: unknown;
  readonly attempted: unknown;
}

interface ResourceRow {
  data: string;
}

const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS resources (
  seq     INTEGER PRIMARY KEY AUTOINCREMENT,  -- creation order: the stable list order
  type    TEXT NOT NULL,
  id      TEXT NOT NULL,
  version TEXT,
  display TEXT,
  data    TEXT NOT NULL,
  UNIQUE (type, id)
);
CREATE TABLE IF NOT EXISTS unique_keys (
  type TEXT NOT NULL, attribute TEXT NOT NULL, value TEXT NOT NULL, id TEXT NOT NULL,
  PRIMARY KEY (type, attribute, value)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS unique_keys_owner ON unique_keys (type, id);
CREATE TABLE IF NOT EXISTS members (
  holder_type TEXT NOT NULL, holder_id TEXT NOT NULL, member_id TEXT NOT NULL,
  PRIMARY KEY (holder_type, holder_id, member_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS members_member ON members (member_id);
CREATE TABLE IF NOT EXISTS attr_index (
  type TEXT NOT NULL, attribute TEXT NOT NULL, value TEXT NOT NULL, id TEXT NOT NULL,
  PRIMARY KEY (type, attribute, value, id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS attr_index_owner ON attr_index (type, id);
CREATE TABLE IF NOT EXISTS audit (
  seq             INTEGER PRIMARY KEY AUTOINCREMENT,
  at              TEXT NOT NULL,
  kind            TEXT NOT NULL,
  resource_type   TEXT NOT NULL,
  resource_id     TEXT,
  path            TEXT NOT NULL,
  mutability      TEXT NOT NULL,
  action          TEXT NOT NULL,
  operation_index INTEGER,
  stored          TEXT,
  attempted       TEXT
);
`;

// The same statuses, scimTypes and wording as the SDK's MemoryStore, so clients see one server.
const notFound = (type: string, id: string): ScimError => new ScimError(404, undefined, `${type} '${id}' not found`);
const versionMismatch = (type: string, id: string): ScimError =>
  new ScimError(412, undefined, `${type} '${id}' has changed on the server (meta.version differs)`);
const uniqueness = (type: string, key: UniqueKey): ScimError =>
  new ScimError(409, "uniqueness", `A ${type} with this ${key.attribute} already exists`);
const duplicateId = (type: string, id: string): ScimError =>
  new ScimError(409, "uniqueness", `A ${type} with id '${id}' already exists`);

function versionOf(resource: StoredResource): string | null {
  const meta = resource.meta;
  if (typeof meta !== "object" || meta === null) return null;
  const version = (meta as Record<string, unknown>).version;
  return typeof version === "string" ? version : null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `obj[key]`, the key matched case-insensitively (attribute names are, RFC 7643 §2.1). */
function getInsensitive(obj: Record<string, unknown>, key: string): unknown {
  if (key in obj) return obj[key];
  const lower = key.toLowerCase();
  for (const k of Object.keys(obj)) if (k.toLowerCase() === lower) return obj[k];
  return undefined;
}

/** The string values at an indexed path (`a`, `a.b`, `urn:…:a`, `urn:…:a.b`), lower-cased. */
function indexValues(resource: StoredResource, path: string): string[] {
  let container: unknown = resource;
  let rest = path;
  if (path.toLowerCase().startsWith("urn:")) {
    const colon = path.lastIndexOf(":");
    container = getInsensitive(resource as Record<string, unknown>, path.slice(0, colon));
    rest = path.slice(colon + 1);
  }
  if (!isRecord(container)) return [];
  const [top = "", sub] = rest.split(".", 2);
  const value = getInsensitive(container, top);
  const out = new Set<string>();
  for (const item of Array.isArray(value) ? value : [value]) {
    const leaf = sub === undefined ? item : isRecord(item) ? getInsensitive(item, sub) : undefined;
    if (typeof leaf === "string") out.add(leaf.toLowerCase());
  }
  return [...out];
}

function attrPathText(attrPath: { readonly urn?: string; readonly name: string; readonly sub?: string }): string {
  return `${attrPath.urn !== undefined ? `${attrPath.urn}:` : ""}${attrPath.name}${attrPath.sub !== undefined ? `.${attrPath.sub}` : ""}`;
}

/** A subquery that selects a superset of the ids matching a filter. */
interface Candidates {
  readonly sql: string;
  readonly params: readonly string[];
}

/** Every statement the store runs, prepared once. */
function prepareStatements(db: Database.Database) {
  return {
    get: db.prepare<[string, string], ResourceRow>("SELECT data FROM resources WHERE type = ? AND id = ?"),
    version: db.prepare<[string, string], { version: string | null }>("SELECT version FROM resources WHERE type = ? AND id = ?"),
    count: db.prepare<[string], { n: number }>("SELECT count(*) AS n FROM resources WHERE type = ?"),
    page: db.prepare<[string, number, number], ResourceRow>(
      "SELECT data FROM resources WHERE type = ? ORDER BY seq LIMIT ? OFFSET ?",
    ),
    all: db.prepare<[string], ResourceRow>("SELECT data FROM resources WHERE type = ? ORDER BY seq"),
    insert: db.prepare<[string, string, string | null, string | null, string]>(
      "INSERT INTO resources (type, id, version, display, data) VALUES (?, ?, ?, ?, ?)",
    ),
    update: db.prepare<[string | null, string | null, string, string, string]>(
      "UPDATE resources SET version = ?, display = ?, data = ? WHERE type = ? AND id = ?",
    ),
    remove: db.prepare<[string, string]>("DELETE FROM resources WHERE type = ? AND id = ?"),
    uniqueOwner: db.prepare<[string, string, string], { id: string }>(
      "SELECT id FROM unique_keys WHERE type = ? AND attribute = ? AND value = ?",
    ),
    uniqueInsert: db.prepare<[string, string, string, string]>(
      "INSERT OR REPLACE INTO unique_keys (type, attribute, value, id) VALUES (?, ?, ?, ?)",
    ),
    uniqueClear: db.prepare<[string, string]>("DELETE FROM unique_keys WHERE type = ? AND id = ?"),
    memberInsert: db.prepare<[string, string, string]>(
      "INSERT OR IGNORE INTO members (holder_type, holder_id, member_id) VALUES (?, ?, ?)",
    ),
    memberClear: db.prepare<[string, string]>("DELETE FROM members WHERE holder_type = ? AND holder_id = ?"),
    holders: db.prepare<[string], { holder_type: string; holder_id: string }>(
      "SELECT holder_type, holder_id FROM members WHERE member_id = ?",
    ),
    memberships: db.prepare<[string], { member_id: string; holder_type: string; holder_id: string; display: string | null }>(
      `SELECT m.member_id, m.holder_type, m.holder_id, r.display
         FROM members m JOIN resources r ON r.type = m.holder_type AND r.id = m.holder_id
        WHERE m.member_id IN (SELECT value FROM json_each(?))
        ORDER BY r.seq`,
    ),
    attrInsert: db.prepare<[string, string, string, string]>(
      "INSERT OR IGNORE INTO attr_index (type, attribute, value, id) VALUES (?, ?, ?, ?)",
    ),
    attrClear: db.prepare<[string, string]>("DELETE FROM attr_index WHERE type = ? AND id = ?"),
    audit: db.prepare<[string, string, string, string | null, string, string, string, number | null, string | null, string | null]>(
      `INSERT INTO audit (at, kind, resource_type, resource_id, path, mutability, action, operation_index, stored, attempted)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
  };
}

export class SqliteStore implements Store {
  readonly db: Database.Database;
  /** resource type → lower-cased indexed path → the path as configured */
  readonly #indexed = new Map<string, Map<string, string>>();
  readonly #stmt: ReturnType<typeof prepareStatements>;
  readonly #queries = new Map<string, Database.Statement<string[], ResourceRow>>();

  constructor(options: SqliteStoreOptions) {
    this.db = new Database(options.path);
    this.db.pragma("journal_mode = WAL");
    this.db.pragma(`synchronous = ${options.synchronous === "normal" ? "NORMAL" : "FULL"}`);
    // Another process writing the same file holds the lock briefly: wait rather than fail.
    this.db.pragma("busy_timeout = 5000");
    this.db.exec(SCHEMA_SQL);
    for (const [type, paths] of Object.entries(options.indexedAttributes ?? {})) {
      this.#indexed.set(type, new Map(paths.map((p) => [p.toLowerCase(), p])));
    }
    this.#stmt = prepareStatements(this.db);
  }

  async get(resourceType: string, id: string): Promise<StoredResource | undefined> {
    const row = this.#stmt.get.get(resourceType, id);
    return row === undefined ? undefined : (JSON.parse(row.data) as StoredResource);
  }

  async list(resourceType: string, query: ListQuery): Promise<ListResult> {
    const start = Math.max(1, query.startIndex) - 1;
    if (query.matches === undefined && query.compare === undefined) {
      // No filter and no sort: count and page in SQL without parsing a single row we skip.
      const total = this.#stmt.count.get(resourceType)?.n ?? 0;
      const rows = query.count <= 0 ? [] : this.#stmt.page.all(resourceType, query.count, start);
      return { totalResults: total, resources: rows.map((r) => JSON.parse(r.data) as StoredResource) };
    }
    // The push-down is only a pre-selection (a superset of the matches): `matches` decides, so
    // results have exactly the SDK's filter semantics (caseExact, types, value paths).
    const candidates =
      query.filter !== undefined && query.matches !== undefined ? this.#candidates(resourceType, query.filter) : undefined;
    const rows =
      candidates === undefined
        ? this.#stmt.all.iterate(resourceType)
        : this.#prepared(`SELECT data FROM resources WHERE type = ? AND id IN (${candidates.sql}) ORDER BY seq`).iterate(
            resourceType,
            ...candidates.params,
          );
    let found: StoredResource[] = [];
    for (const row of rows) {
      const resource = JSON.parse(row.data) as StoredResource;
      if (query.matches === undefined || query.matches(resource)) found.push(resource);
    }
    if (query.compare !== undefined) found = found.sort(query.compare);
    const page = query.count <= 0 ? [] : found.slice(start, start + query.count);
    return { totalResults: found.length, resources: page };
  }

  async create(resourceType: string, resource: StoredResource, index: IndexEntries): Promise<void> {
    const id = String(resource.id);
    this.#write(() => {
      if (this.#stmt.version.get(resourceType, id) !== undefined) throw duplicateId(resourceType, id);
      this.#checkUnique(resourceType, id, index);
      this.#stmt.insert.run(resourceType, id, versionOf(resource), index.display ?? null, JSON.stringify(resource));
      this.#writeIndexes(resourceType, id, resource, index);
    });
  }

  async replace(
    resourceType: string,
    id: string,
    resource: StoredResource,
    index: IndexEntries,
    expectedVersion?: string,
  ): Promise<void> {
    this.#write(() => {
      const row = this.#stmt.version.get(resourceType, id);
      if (row === undefined) throw notFound(resourceType, id);
      if (expectedVersion !== undefined && row.version !== expectedVersion) throw versionMismatch(resourceType, id);
      this.#checkUnique(resourceType, id, index);
      this.#put(resourceType, id, resource, index);
    });
  }

  async delete(resourceType: string, id: string, options: DeleteOptions = {}): Promise<void> {
    this.#write(() => {
      const row = this.#stmt.version.get(resourceType, id);
      if (row === undefined) throw notFound(resourceType, id);
      if (options.expectedVersion !== undefined && row.version !== options.expectedVersion) {
        throw versionMismatch(resourceType, id);
      }
      const holders = options.detach === undefined ? [] : this.#stmt.holders.all(id);
      this.#clearIndexes(resourceType, id);
      this.#stmt.remove.run(resourceType, id);
      // Each holder is rewritten in this same transaction; a throwing `detach` rolls back all.
      for (const { holder_type: holderType, holder_id: holderId } of holders) {
        if (holderType === resourceType && holderId === id) continue;
        const stored = this.#stmt.get.get(holderType, holderId);
        if (stored === undefined || options.detach === undefined) continue;
        const write = options.detach(holderType, JSON.parse(stored.data) as StoredResource);
        this.#put(holderType, holderId, write.resource, write.index);
      }
    });
  }

  async memberships(memberIds: readonly string[]): Promise<ReadonlyMap<string, readonly Membership[]>> {
    const out = new Map<string, Membership[]>();
    if (memberIds.length === 0) return out;
    for (const row of this.#stmt.memberships.iterate(JSON.stringify(memberIds))) {
      let list = out.get(row.member_id);
      if (list === undefined) {
        list = [];
        out.set(row.member_id, list);
      }
      list.push({ resourceType: row.holder_type, id: row.holder_id, display: row.display ?? undefined });
    }
    return out;
  }

  /** Appends an onViolation event to the `audit` table (its values are already redacted by the SDK). */
  recordViolation(event: ViolationEvent): void {
    this.#stmt.audit.run(
      new Date().toISOString(),
      event.kind,
      event.resourceType,
      event.resourceId ?? null,
      event.path,
      event.mutability,
      event.action,
      event.operationIndex ?? null,
      event.stored === undefined ? null : JSON.stringify(event.stored),
      event.attempted === undefined ? null : JSON.stringify(event.attempted),
    );
  }

  /** The audit trail, oldest first. */
  auditLog(): AuditRow[] {
    const rows = this.db
      .prepare<[], Record<string, string | number | null>>("SELECT * FROM audit ORDER BY seq")
      .all();
    return rows.map((r) => ({
      seq: Number(r.seq),
      at: String(r.at),
      kind: String(r.kind),
      resourceType: String(r.resource_type),
      resourceId: r.resource_id === null ? null : String(r.resource_id),
      path: String(r.path),
      mutability: String(r.mutability),
      action: String(r.action),
      operationIndex: r.operation_index === null ? null : Number(r.operation_index),
      stored: r.stored === null ? undefined : (JSON.parse(String(r.stored)) as unknown),
      attempted: r.attempted === null ? undefined : (JSON.parse(String(r.attempted)) as unknown),
    }));
  }

  /** Checkpoints the WAL into the main file and closes the database. */
  close(): void {
    if (this.db.open) this.db.close();
  }

  /**
   * A prepared statement for a push-down query. The SQL text depends only on the filter's shape
   * (values are parameters), so a handful of shapes cover an IdP's traffic; the cache is bounded
   * all the same, since shapes come from clients.
   */
  #prepared(sql: string): Database.Statement<string[], ResourceRow> {
    let statement = this.#queries.get(sql);
    if (statement === undefined) {
      if (this.#queries.size >= 64) this.#queries.clear();
      statement = this.db.prepare<string[], ResourceRow>(sql);
      this.#queries.set(sql, statement);
    }
    return statement;
  }

  // BEGIN IMMEDIATE takes the write lock up front, so a concurrent process cannot slip a write
  // between our version check and our update.
  #write(body: () => void): void {
    this.db.transaction(body).immediate();
  }

  #checkUnique(resourceType: string, id: string, index: IndexEntries): void {
    for (const key of index.unique) {
      const owner = this.#stmt.uniqueOwner.get(resourceType, key.attribute, key.value);
      if (owner !== undefined && owner.id !== id) throw uniqueness(resourceType, key);
    }
  }

  #put(resourceType: string, id: string, resource: StoredResource, index: IndexEntries): void {
    this.#stmt.update.run(versionOf(resource), index.display ?? null, JSON.stringify(resource), resourceType, id);
    this.#clearIndexes(resourceType, id);
    this.#writeIndexes(resourceType, id, resource, index);
  }

  #clearIndexes(resourceType: string, id: string): void {
    this.#stmt.uniqueClear.run(resourceType, id);
    this.#stmt.memberClear.run(resourceType, id);
    this.#stmt.attrClear.run(resourceType, id);
  }

  #writeIndexes(resourceType: string, id: string, resource: StoredResource, index: IndexEntries): void {
    for (const key of index.unique) this.#stmt.uniqueInsert.run(resourceType, key.attribute, key.value, id);
    for (const member of index.members) this.#stmt.memberInsert.run(resourceType, id, member);
    for (const path of this.#indexed.get(resourceType)?.values() ?? []) {
      for (const value of indexValues(resource, path)) this.#stmt.attrInsert.run(resourceType, path, value, id);
    }
  }

  /**
   * Translates the indexable part of a filter into a subquery of candidate ids, or undefined
   * when a full scan is needed. Only `eq` on an indexed attribute with a string value is
   * translated; `and` keeps the translatable operands (intersection), `or` needs all of them
   * (union). Values are compared lower-cased, which selects a superset of the SDK's matches
   * whether the attribute is caseExact or not; `matches` then decides.
   */
  #candidates(resourceType: string, filter: Filter, prefix?: string): Candidates | undefined {
    const indexed = this.#indexed.get(resourceType);
    if (indexed === undefined) return undefined;
    switch (filter.kind) {
      case "compare": {
        if (filter.op !== "eq" || typeof filter.compValue !== "string") return undefined;
        const text = attrPathText(filter.attrPath);
        const path = indexed.get((prefix === undefined ? text : `${prefix}.${text}`).toLowerCase());
        if (path === undefined) return undefined;
        return {
          sql: "SELECT id FROM attr_index WHERE type = ? AND attribute = ? AND value = ?",
          params: [resourceType, path, filter.compValue.toLowerCase()],
        };
      }
      case "valuePath":
        // `emails[value eq "x"]`: the element's sub-attribute is the indexed `emails.value`.
        return prefix === undefined ? this.#candidates(resourceType, filter.valFilter, attrPathText(filter.attrPath)) : undefined;
      case "and": {
        const parts = filter.filters.map((f) => this.#candidates(resourceType, f, prefix)).filter((c) => c !== undefined);
        if (parts.length === 0) return undefined;
        return { sql: parts.map((p) => p.sql).join(" INTERSECT "), params: parts.flatMap((p) => p.params) };
      }
      case "or": {
        const parts = filter.filters.map((f) => this.#candidates(resourceType, f, prefix));
        if (parts.some((p) => p === undefined)) return undefined;
        const defined = parts as Candidates[];
        return { sql: defined.map((p) => p.sql).join(" UNION "), params: defined.flatMap((p) => p.params) };
      }
      default:
        return undefined;
    }
  }
}
