import type { Operation } from "fast-json-patch";
import type { ResolvedAttribute } from "../schema/schema-index.js";

/** RFC 6901 escaping of one reference token. */
export function pointerToken(key: string | number): string {
  if (typeof key === "number") return String(key);
  return key.includes("~") || key.includes("/") ? key.replace(/~/g, "~0").replace(/\//g, "~1") : key;
}

/** A deep copy of plain JSON data (what a change log must own). */
export function cloneJson<T>(value: T): T {
  if (typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) return value.map(cloneJson) as T;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) out[key] = cloneJson((value as Record<string, unknown>)[key]);
  return out as T;
}

type Json = Record<string, unknown>;

/**
 * A copy-on-write view of a resource during one PATCH request: only the objects and arrays on
 * touched paths are copied (structural sharing), the input is never written, and every change
 * is logged as an RFC 6902 operation as it is made.
 */
export class Draft {
  root: Json;
  readonly changes: Operation[] = [];
  private readonly owned = new WeakSet<object>();

  constructor(readonly existing: Readonly<Json>) {
    this.root = existing as Json;
  }

  /** An object or array this request made or copied, so it may be written in place. */
  own<T extends object>(value: T): T {
    this.owned.add(value);
    return value;
  }

  isOwned(value: object): boolean {
    return this.owned.has(value);
  }

  private writableRoot(): Json {
    if (!this.owned.has(this.root)) this.root = this.own({ ...this.root });
    return this.root;
  }

  /** The object holding `attribute`'s value: the root, or its extension object (undefined when absent). */
  container(attribute: ResolvedAttribute): Json | undefined {
    if (attribute.extension === undefined) return this.root;
    const ext = readKey(this.root, attribute.extension);
    return typeof ext === "object" && ext !== null && !Array.isArray(ext) ? (ext as Json) : undefined;
  }

  /** The JSON pointer of a top-level attribute's value. */
  pointer(attribute: ResolvedAttribute): string {
    return attribute.extension === undefined
      ? `/${pointerToken(attribute.name)}`
      : `/${pointerToken(attribute.extension)}/${pointerToken(attribute.name)}`;
  }

  /** The current value of a top-level attribute (core, common or extension). */
  read(attribute: ResolvedAttribute): unknown {
    const container = this.container(attribute);
    return container === undefined ? undefined : readKey(container, attribute.name);
  }

  /**
   * Sets (or, with undefined, removes) a top-level attribute's value, creating or dropping its
   * extension object and keeping `schemas` in step (RFC 7643 §3: `schemas` lists the schemas
   * whose attributes the resource holds). `logged` false means the caller logs finer changes.
   */
  write(attribute: ResolvedAttribute, value: unknown, logged = true): void {
    const root = this.writableRoot();
    let container: Json = root;
    if (attribute.extension !== undefined) {
      const urn = attribute.extension;
      const current = readKey(root, urn);
      if (typeof current === "object" && current !== null && !Array.isArray(current)) {
        container = current as Json;
        if (!this.owned.has(container)) {
          container = this.own({ ...container });
          setKey(root, urn, container);
        }
      } else {
        if (value === undefined) return;
        container = this.own({});
        setKey(root, urn, container);
        this.changes.push({ op: "add", path: `/${pointerToken(urn)}`, value: {} });
        this.addSchema(urn);
      }
    }
    // A key holding undefined is no value (JSON has none), so it counts as absent.
    const had = readKey(container, attribute.name) !== undefined;
    if (value === undefined) {
      deleteKey(container, attribute.name);
      if (!had) return;
      if (logged) this.changes.push({ op: "remove", path: this.pointer(attribute) });
      if (attribute.extension !== undefined && Object.keys(container).length === 0) {
        deleteKey(root, attribute.extension);
        this.changes.push({ op: "remove", path: `/${pointerToken(attribute.extension)}` });
        this.removeSchema(attribute.extension);
      }
      return;
    }
    setKey(container, attribute.name, value);
    if (logged) this.changes.push({ op: had ? "replace" : "add", path: this.pointer(attribute), value: cloneJson(value) });
  }

  private addSchema(urn: string): void {
    const root = this.writableRoot();
    const schemas = root.schemas;
    if (Array.isArray(schemas)) {
      if (schemas.some((s) => typeof s === "string" && s.toLowerCase() === urn.toLowerCase())) return;
      root.schemas = this.own([...schemas, urn]);
      this.changes.push({ op: "add", path: "/schemas/-", value: urn });
    } else {
      root.schemas = this.own([urn]);
      this.changes.push({ op: "add", path: "/schemas", value: [urn] });
    }
  }

  private removeSchema(urn: string): void {
    const root = this.writableRoot();
    const schemas = root.schemas;
    if (!Array.isArray(schemas)) return;
    const i = schemas.findIndex((s) => typeof s === "string" && s.toLowerCase() === urn.toLowerCase());
    if (i < 0) return;
    root.schemas = this.own(schemas.filter((_, j) => j !== i));
    this.changes.push({ op: "remove", path: `/schemas/${i}` });
  }
}

// Stored resources spell keys as the schema does; the case-insensitive scan covers resources
// written by other code (attribute names are case-insensitive, RFC 7643 §2.1).
function findKey(obj: Json, name: string): string | undefined {
  if (Object.hasOwn(obj, name)) return name;
  const lower = name.toLowerCase();
  for (const key of Object.keys(obj)) if (key.toLowerCase() === lower) return key;
  return undefined;
}

/** `obj[name]`, matching the key case-insensitively. */
export function readKey(obj: Readonly<Json>, name: string): unknown {
  const key = findKey(obj as Json, name);
  return key === undefined ? undefined : obj[key];
}

/**
 * Sets `obj[name]`, replacing a key spelled in another case. `name` is a schema attribute name
 * or a schema URN, never `__proto__` (the DSL rejects reserved names), so assignment is safe.
 */
export function setKey(obj: Json, name: string, value: unknown): void {
  const key = findKey(obj, name);
  if (key !== undefined && key !== name) delete obj[key];
  obj[name] = value;
}

export function deleteKey(obj: Json, name: string): void {
  const key = findKey(obj, name);
  if (key !== undefined) delete obj[key];
}
