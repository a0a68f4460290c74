import type { ResolvedAttribute, ResourceIndex } from "../schema/schema-index.js";
import type { IndexEntries, StoredResource, UniqueKey } from "./store.js";

// What a store indexes beside a resource, derived from the schema here so that stores stay
// schema-agnostic: unique keys (RFC 7643 §7 `uniqueness`), member ids and a display name.

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function member(obj: unknown, name: string): unknown {
  if (!isObject(obj)) return undefined;
  if (Object.hasOwn(obj, name)) return obj[name];
  const lower = name.toLowerCase();
  for (const key of Object.keys(obj)) if (key.toLowerCase() === lower) return obj[key];
  return undefined;
}

const isUnique = (a: ResolvedAttribute): boolean =>
  a.attribute.uniqueness === "server" || a.attribute.uniqueness === "global";

/** RFC 7643 §2.3.1: strings compare case-insensitively unless caseExact. */
function normalise(a: ResolvedAttribute, value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === "string") return a.attribute.caseExact === true ? value : value.toLowerCase();
  return JSON.stringify(value);
}

const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);

function collect(attributes: Iterable<ResolvedAttribute>, holder: unknown, out: Map<string, UniqueKey>): void {
  for (const a of attributes) {
    // `id` is the store's primary key: unique by construction.
    if (a.extension === undefined && a.name === "id") continue;
    const value = member(holder, a.name);
    const add = (attr: ResolvedAttribute, v: unknown): void => {
      const normalised = normalise(attr, v);
      if (normalised !== undefined) out.set(`${attr.path}\u0000${normalised}`, { attribute: attr.path, value: normalised });
    };
    if (isUnique(a) && a.subAttributes === undefined) for (const v of asList(value)) add(a, v);
    if (a.subAttributes === undefined) continue;
    for (const sub of a.subAttributes.values()) {
      if (!isUnique(sub)) continue;
      for (const item of asList(value)) add(sub, member(item, sub.name));
    }
  }
}

/** The unique keys of a resource: every value of a `uniqueness: "server"`/`"global"` attribute. */
export function uniqueKeys(index: ResourceIndex, resource: StoredResource): UniqueKey[] {
  const out = new Map<string, UniqueKey>();
  collect(index.attributes.values(), resource, out);
  for (const [, ext] of index.extensions) collect(ext.attributes.values(), member(resource, ext.schema.id), out);
  return [...out.values()];
}

/** Whether the resource type lists members (RFC 7643 §4.2 Group `members`). */
export function membersAttribute(index: ResourceIndex): ResolvedAttribute | undefined {
  const a = index.attributes.get("members");
  return a?.attribute.multiValued === true && a.subAttributes?.has("value") === true ? a : undefined;
}

/** The index entries of a resource about to be written. */
export function indexEntries(index: ResourceIndex, resource: StoredResource): IndexEntries {
  const members: string[] = [];
  const membersAttr = membersAttribute(index);
  if (membersAttr !== undefined) {
    const seen = new Set<string>();
    for (const item of asList(member(resource, membersAttr.name))) {
      const value = member(item, "value");
      if (typeof value === "string" && !seen.has(value)) {
        seen.add(value);
        members.push(value);
      }
    }
  }
  const display = index.attributes.has("displayname") ? member(resource, "displayName") : undefined;
  return { unique: uniqueKeys(index, resource), members, display: typeof display === "string" ? display : undefined };
}
