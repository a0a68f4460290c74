import { parseAttributeList } from "../project/attribute-list.js";
import type { ResolvedAttribute, ResourceIndex } from "../schema/schema-index.js";
import type { AttributeList } from "../project/attribute-list.js";
import { nextVersion } from "./etag.js";
import { indexEntries, membersAttribute } from "./index-entries.js";
import type { Membership, Store, StoredResource, StoredWrite } from "./store.js";

// RFC 7643 §4.1.2: a User's `groups` is readOnly and reflects the Groups whose `members` list
// it. It is never stored: it is derived on every read from the store's membership index, so it
// cannot go stale when a Group changes. Only direct membership is reported (`type: "direct"`).

/** The resource type's derived `groups` attribute, if it declares one (User). */
export function groupsAttribute(index: ResourceIndex): ResolvedAttribute | undefined {
  const a = index.attributes.get("groups");
  return a?.attribute.multiValued === true && a.attribute.mutability === "readOnly" && a.subAttributes?.has("value") === true
    ? a
    : undefined;
}

/** Whether a response projection may include `groups`, so that the membership query can be skipped when it cannot. */
export function projectionWantsGroups(
  index: ResourceIndex,
  groups: ResolvedAttribute,
  projection: { attributes?: AttributeList | undefined; excludedAttributes?: AttributeList | undefined },
): boolean {
  if (groups.attribute.returned === "never") return false;
  if (projection.attributes !== undefined) {
    const named = parseAttributeList(index, projection.attributes);
    if (named.length > 0) return named.some((a) => a === groups || a.parent === groups);
  }
  if (projection.excludedAttributes !== undefined) {
    return !parseAttributeList(index, projection.excludedAttributes).includes(groups);
  }
  return groups.attribute.returned !== "request";
}

/** Where a holder lives, for `$ref`. */
export type EndpointOf = (resourceType: string) => string | undefined;

function groupValue(m: Membership, baseUrl: string, endpointOf: EndpointOf): Record<string, unknown> | undefined {
  const endpoint = endpointOf(m.resourceType);
  if (endpoint === undefined) return undefined;
  const value: Record<string, unknown> = { value: m.id, $ref: `${baseUrl}${endpoint}/${encodeURIComponent(m.id)}` };
  if (m.display !== undefined) value.display = m.display;
  value.type = "direct";
  return value;
}

/**
 * The resources with their `groups` derived: one batched `memberships` query for them all.
 * Returns new objects; a resource without groups has none (RFC 7643 §2.5: no empty lists).
 */
export async function withGroups(
  store: Store,
  groups: ResolvedAttribute,
  resources: readonly StoredResource[],
  baseUrl: string,
  endpointOf: EndpointOf,
): Promise<StoredResource[]> {
  if (resources.length === 0) return [];
  const ids = resources.map((r) => r.id).filter((id): id is string => typeof id === "string");
  const found = await store.memberships(ids);
  return resources.map((resource) => {
    const { [groups.name]: _stale, ...rest } = resource;
    const list = typeof resource.id === "string" ? found.get(resource.id) : undefined;
    const values = (list ?? []).map((m) => groupValue(m, baseUrl, endpointOf)).filter((v) => v !== undefined);
    return values.length > 0 ? { ...rest, [groups.name]: values } : rest;
  });
}

/** A resource without its derived `groups` (what is stored). */
export function withoutGroups(groups: ResolvedAttribute | undefined, resource: StoredResource): StoredResource {
  if (groups === undefined) return resource;
  const out: Record<string, unknown> = {};
  const lower = groups.name.toLowerCase();
  for (const [key, value] of Object.entries(resource)) if (key.toLowerCase() !== lower) out[key] = value;
  return out;
}

/**
 * The `detach` callback of `Store.delete`: a holder (Group) loses the deleted member, and since
 * its representation changed, gets a new `meta.version` and `meta.lastModified` (RFC 7644 §3.6:
 * the deleted resource is not considered in any later operation, so no dangling member stays).
 */
export function detachMember(
  deletedId: string,
  indexOf: (resourceType: string) => ResourceIndex | undefined,
  now: () => Date,
): (holderType: string, holder: StoredResource) => StoredWrite {
  return (holderType, holder) => {
    const index = indexOf(holderType);
    const members = index === undefined ? undefined : membersAttribute(index);
    if (index === undefined || members === undefined) {
      return { resource: holder, index: { unique: [], members: [], display: undefined } };
    }
    const next: Record<string, unknown> = { ...holder };
    for (const key of Object.keys(next)) {
      if (key.toLowerCase() !== members.name.toLowerCase()) continue;
      const list = next[key];
      if (!Array.isArray(list)) continue;
      const kept = list.filter((m) => !(typeof m === "object" && m !== null && (m as Record<string, unknown>).value === deletedId));
      if (kept.length > 0) next[key] = kept;
      else delete next[key];
    }
    const meta = typeof holder.meta === "object" && holder.meta !== null ? (holder.meta as Record<string, unknown>) : {};
    next.meta = { ...meta, lastModified: now().toISOString(), version: nextVersion(meta.version) };
    return { resource: next, index: indexEntries(index, next) };
  };
}
