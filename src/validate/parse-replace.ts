import type { Mutability } from "../schema/characteristics.js";
import type { ResourceIndex } from "../schema/schema-index.js";
import { type CompiledIndex, type Node, compileIndex } from "./compiled.js";
import { getAttribute, sameValue, singleKey } from "./equality.js";
import { type Context, type ParseOptions, resolveContext } from "./options.js";
import { at, pathError } from "./path.js";
import { checkRequired, readBody, setSchemas } from "./resource-body.js";
import { elementPath, isAssigned, isObject, report } from "./validate-value.js";

// readOnly values come from the stored resource, so only the body's writable ones must be present.
const skipReadOnly = (node: Node): boolean => node.mutability === "readOnly";

/**
 * The mutability that governs a sub-attribute: an immutable complex value fixes the
 * writable sub-attributes inside it; readOnly stays readOnly.
 */
function effective(node: Node, inherited: Mutability | undefined): Mutability {
  const own = node.mutability;
  if (inherited === "immutable" && (own === "readWrite" || own === "writeOnly")) return "immutable";
  return own;
}

function keepImmutable(ctx: Context, node: Node, body: unknown, stored: unknown, where: string): unknown {
  if (body === undefined) return isAssigned(stored) ? stored : undefined;
  if (!isAssigned(stored)) return body;
  // An equal value is a no-op; keep the stored spelling (e.g. case of a caseExact: false string).
  if (sameValue(node, stored, body)) return stored;
  report(ctx, node, where, stored, body, "rejected", "immutable");
  throw pathError("mutability", at(undefined, where), "is immutable and already has a different value (RFC 7644 §3.5.1)");
}

/**
 * The value to store for one attribute of a PUT (RFC 7644 §3.5.1): `body` is the validated
 * body value (readOnly sub-attributes raw), `stored` the value in the existing resource.
 */
function mergeAttribute(
  ctx: Context,
  node: Node,
  body: unknown,
  stored: unknown,
  inherited: Mutability | undefined,
  where: string,
): unknown {
  const m = effective(node, inherited);
  if (m === "readOnly") {
    if (isAssigned(body) && !sameValue(node, stored, body)) report(ctx, node, where, stored, body, "ignored", "readOnly");
    return isAssigned(stored) ? stored : undefined;
  }
  if (node.subs === undefined) return m === "immutable" ? keepImmutable(ctx, node, body, stored, where) : body;
  const plain = !node.hasReadOnlySubs && !node.hasImmutableSubs;
  if (!node.multiValued) {
    if (plain && m !== "immutable") return body;
    return mergeComplex(ctx, node, body, isObject(stored) ? stored : undefined, m, undefined);
  }
  if (m === "immutable") return keepImmutable(ctx, node, dropReadOnly(ctx, node, body), stored, where);
  if (plain) return body;
  return mergeElements(ctx, node, body as Record<string, unknown>[] | undefined, stored, m);
}

/**
 * A complex value (or one element): writable sub-attributes from the body, immutable ones
 * checked against the stored value, readOnly ones from the stored value, as long as
 * something writable remains (a cleared `manager` keeps no stale `displayName`).
 */
function mergeComplex(
  ctx: Context,
  node: Node,
  body: unknown,
  stored: Record<string, unknown> | undefined,
  m: Mutability,
  element: string | undefined,
): Record<string, unknown> | undefined {
  const subs = node.subs!.list;
  const b = isObject(body) ? body : undefined;
  const out: Record<string, unknown> = {};
  let any = false;
  for (const sub of subs) {
    if (sub.mutability === "readOnly") continue;
    const where = element === undefined ? sub.resolved.path : `${element}.${sub.name}`;
    const value = mergeAttribute(ctx, sub, b?.[sub.name], getAttribute(stored, sub), m, where);
    if (value !== undefined) {
      out[sub.name] = value;
      any = true;
    }
  }
  if (!node.hasReadOnlySubs) return any ? out : undefined;
  for (const sub of subs) {
    if (sub.mutability !== "readOnly") continue;
    const where = element === undefined ? sub.resolved.path : `${element}.${sub.name}`;
    const value = mergeAttribute(ctx, sub, b?.[sub.name], getAttribute(stored, sub), m, where);
    if (any && value !== undefined) out[sub.name] = value;
  }
  return any ? out : undefined;
}

/**
 * A multi-valued complex attribute with readOnly or immutable sub-attributes (Group
 * `members`): whole values may be added and removed; a body value whose `value` matches a
 * stored one is that stored value, so its immutable sub-attributes must not change
 * (errata.md defect 7), an unassigned one may be set, an omitted one is kept.
 */
function mergeElements(
  ctx: Context,
  node: Node,
  body: Record<string, unknown>[] | undefined,
  stored: unknown,
  m: Mutability,
): unknown[] | undefined {
  if (body === undefined) return undefined;
  const id = node.valueSub !== undefined && node.valueSub.mutability !== "readOnly" ? node.valueSub : undefined;
  const byId = new Map<string, Record<string, unknown>>();
  if (id !== undefined && Array.isArray(stored)) {
    for (const item of stored) {
      const key = singleKey(id, getAttribute(item, id));
      if (key !== undefined && !byId.has(key)) byId.set(key, item as Record<string, unknown>);
    }
  }
  const out: unknown[] = [];
  for (const item of body) {
    const key = id === undefined ? undefined : singleKey(id, item[id.name]);
    const match = key === undefined ? undefined : byId.get(key);
    const value = mergeComplex(ctx, node, item, match, m, elementPath(node, item));
    if (value !== undefined) out.push(value);
  }
  return out.length > 0 ? out : undefined;
}

/** The readOnly sub-attributes of a whole-immutable multi-valued complex value, dropped and reported. */
function dropReadOnly(ctx: Context, node: Node, body: unknown): unknown {
  if (!node.hasReadOnlySubs || !Array.isArray(body)) return body;
  return body.map((item: Record<string, unknown>) => {
    const out: Record<string, unknown> = {};
    for (const sub of node.subs!.list) {
      const value = item[sub.name];
      if (value === undefined) continue;
      if (sub.mutability === "readOnly") report(ctx, sub, `${elementPath(node, item)}.${sub.name}`, undefined, value, "ignored", "readOnly");
      else out[sub.name] = value;
    }
    return out;
  });
}

function mergeScope(
  ctx: Context,
  nodes: readonly Node[],
  body: Record<string, unknown> | undefined,
  stored: unknown,
  out: Record<string, unknown>,
  skip: Node | undefined,
): boolean {
  let any = false;
  for (const node of nodes) {
    if (node === skip) continue;
    const value = mergeAttribute(ctx, node, body?.[node.name], getAttribute(stored, node), undefined, node.resolved.path);
    if (value !== undefined) {
      out[node.name] = value;
      any = true;
    }
  }
  return any;
}

function merge(c: CompiledIndex, ctx: Context, body: Record<string, unknown>, existing: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = { schemas: undefined };
  mergeScope(ctx, c.root.list, body, existing, out, c.schemas);
  for (const ext of c.extensions) {
    const b = body[ext.urn] as Record<string, unknown> | undefined;
    const storedExt = isObject(existing) ? getExtension(existing, ext.urn) : undefined;
    const value: Record<string, unknown> = {};
    if (mergeScope(ctx, ext.scope.list, b, storedExt, value, undefined)) out[ext.urn] = value;
  }
  return out;
}

function getExtension(existing: Record<string, unknown>, urn: string): unknown {
  if (Object.hasOwn(existing, urn)) return existing[urn];
  const lower = urn.toLowerCase();
  for (const key of Object.keys(existing)) if (key.toLowerCase() === lower) return existing[key];
  return undefined;
}

/**
 * Validates a PUT body against the stored resource (RFC 7644 §3.5.1) and returns the full
 * resource to store. Note the argument order: body first, unlike `applyPatch(existing, body)`.
 *
 * - readOnly values (`id` and `meta` included) come from `existing`; a differing body value is
 *   ignored and reported to `onViolation` as `ignored`.
 * - readWrite and writeOnly values come from the body; an omitted one is cleared.
 * - immutable: equal to the stored value → fine (the stored value is kept); no stored value →
 *   applied; different → 400 `mutability`, reported as `rejected`; omitted (or `null`, RFC 7643
 *   §2.5) with a stored value → kept.
 * - multi-valued complex attributes with immutable sub-attributes (Group `members`): values are
 *   added and removed as wholes; a value whose `value` matches a stored one may not change
 *   that value's stored immutable sub-attributes.
 *
 * `existing` is never mutated; unchanged parts of it are shared by the result.
 *
 * @throws ScimError 400 `mutability` on an immutable change; otherwise as `parseCreate`.
 */
export function parseReplace(
  index: ResourceIndex,
  body: unknown,
  existing: Readonly<Record<string, unknown>>,
  options?: ParseOptions,
): Record<string, unknown> {
  if (!isObject(existing)) throw new TypeError("parseReplace: `existing` must be the stored resource (an object)");
  const c = compileIndex(index);
  const id = getAttribute(existing, c.root.byKey.get("id")!);
  const ctx = resolveContext(options, "raw", {
    kind: "replace",
    resourceType: index.resourceType,
    resourceId: typeof id === "string" ? id : undefined,
  });
  const parsed = readBody(c, body, ctx);
  const out = merge(c, ctx, parsed, existing);
  setSchemas(c, out);
  checkRequired(c, out, skipReadOnly);
  return out;
}
