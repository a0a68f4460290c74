import { ScimError } from "../errors.js";
import type { ResolvedAttribute, ResourceIndex } from "../schema/schema-index.js";
import { type Node, type Scope, compileIndex } from "../validate/compiled.js";
import { getAttribute } from "../validate/equality.js";
import { isObject } from "../validate/validate-value.js";
import { type AttributeList, isGiven, parseAttributeList } from "./attribute-list.js";
import { withoutValueFilters } from "./written-paths.js";

/**
 * Options of `RT.serialize` (the resource type method).
 *
 * @example
 * ```ts
 * UserResourceType.serialize(stored, { attributes: ["userName", "emails"] });
 * UserResourceType.serialize(created, { written: ["password"] });
 * ```
 */
export interface SerializeOptions {
  /** RFC 7644 §3.4.2.5 `attributes`: return only these (and those `returned: "always"`). */
  readonly attributes?: AttributeList | undefined;
  /** RFC 7644 §3.4.2.5 `excludedAttributes`: return the defaults except these. */
  readonly excludedAttributes?: AttributeList | undefined;
  /**
   * The paths the write request set (POST, PUT, PATCH), in the same notation (value filters
   * allowed and ignored): their `returned: "request"` attributes come back (RFC 7643 §7).
   */
  readonly written?: AttributeList | undefined;
}

interface Selection {
  /** `attributes`, when given */
  readonly only: ReadonlySet<ResolvedAttribute> | undefined;
  readonly excluded: ReadonlySet<ResolvedAttribute>;
  readonly written: ReadonlySet<ResolvedAttribute>;
}

/**
 * How a complex value's sub-attributes are chosen: `whole` (the attribute was named in
 * `attributes`, so all of it), `some` (only sub-attributes named in `attributes`), `default`
 * (per `returned`, less `excludedAttributes`), `always` (the attribute itself is left out but
 * its `returned: "always"` sub-attributes are returned "regardless", RFC 7643 §7).
 */
type Mode = "whole" | "some" | "default" | "always";

const isSecret = (node: Node): boolean => node.mutability === "writeOnly" || node.returned === "never";

function hasNamedSub(node: Node, set: ReadonlySet<ResolvedAttribute>): boolean {
  if (node.subs === undefined) return false;
  for (const sub of node.subs.list) if (set.has(sub.resolved)) return true;
  return false;
}

/** Whether a sub-attribute appears, given how its parent was chosen. */
function subIncluded(sub: Node, mode: Mode, sel: Selection): boolean {
  if (isSecret(sub)) return false;
  if (sub.returned === "always") return true;
  if (mode === "whole") return true;
  if (mode === "some") return sel.only!.has(sub.resolved);
  if (mode === "always") return false;
  if (sel.excluded.has(sub.resolved)) return false;
  return sub.returned !== "request" || sel.written.has(sub.resolved);
}

function copySimple(value: unknown): unknown {
  return Array.isArray(value) ? value.slice() : value;
}

function projectObject(node: Node, value: unknown, mode: Mode, sel: Selection): Record<string, unknown> | undefined {
  if (!isObject(value)) return undefined;
  const out: Record<string, unknown> = {};
  let any = false;
  for (const sub of (node.subs as Scope).list) {
    if (!subIncluded(sub, mode, sel)) continue;
    const v = getAttribute(value, sub);
    if (v === undefined || v === null) continue;
    out[sub.name] = copySimple(v);
    any = true;
  }
  return any ? out : undefined;
}

function projectValue(node: Node, value: unknown, mode: Mode, sel: Selection): unknown {
  if (value === undefined || value === null) return undefined;
  if (node.subs === undefined) return copySimple(value);
  if (!node.multiValued) return projectObject(node, value, mode, sel);
  if (!Array.isArray(value)) return undefined;
  const out: unknown[] = [];
  for (const item of value) {
    const projected = projectObject(node, item, mode, sel);
    if (projected !== undefined) out.push(projected);
  }
  return out.length > 0 ? out : undefined;
}

function hasAlwaysSub(node: Node): boolean {
  return node.subs?.list.some((s) => s.returned === "always" && !isSecret(s)) ?? false;
}

/** How a top-level attribute is chosen, or undefined when it is left out. */
function modeOf(node: Node, sel: Selection, forced: boolean): Mode | undefined {
  if (isSecret(node)) return undefined;
  if (sel.only !== undefined) {
    if (sel.only.has(node.resolved)) return "whole";
    if (hasNamedSub(node, sel.only)) return "some";
    if (forced || node.returned === "always") return "default";
    return hasAlwaysSub(node) ? "always" : undefined;
  }
  if (forced || node.returned === "always") return "default";
  if (sel.excluded.has(node.resolved)) return hasAlwaysSub(node) ? "always" : undefined;
  if (node.returned === "request") return sel.written.has(node.resolved) ? "whole" : undefined;
  return "default";
}

function projectScope(
  scope: Scope,
  resource: unknown,
  sel: Selection,
  out: Record<string, unknown>,
  schemas: Node | undefined,
): boolean {
  let any = false;
  for (const node of scope.list) {
    const mode = modeOf(node, sel, node === schemas);
    if (mode === undefined) continue;
    const value = projectValue(node, getAttribute(resource, node), mode, sel);
    if (value === undefined) continue;
    out[node.name] = value;
    any = true;
  }
  return any;
}

/**
 * Projects a stored resource into a response (RFC 7644 §3.4.2.5, §3.9; RFC 7643 §7 `returned`):
 * `never` and writeOnly attributes never appear; `always` always (`id` and `schemas` too);
 * `request` only when named in `attributes` or listed in `written`; `default` unless
 * `excludedAttributes` names it or `attributes` names others. Naming a complex attribute
 * names all of its sub-attributes; naming sub-attributes (`name.givenName`) returns only those.
 * Attribute names are written as the schema spells them; keys the schema does not declare are
 * left out. The result shares no object or array with `resource`.
 *
 * @throws ScimError 400 `invalidValue` when both `attributes` and `excludedAttributes` are given.
 */
export function serialize(
  index: ResourceIndex,
  resource: Readonly<Record<string, unknown>>,
  options?: SerializeOptions,
): Record<string, unknown> {
  const given = isGiven(options?.attributes);
  if (given && isGiven(options?.excludedAttributes)) {
    throw new ScimError(
      400,
      "invalidValue",
      "'attributes' and 'excludedAttributes' cannot be given together (RFC 7644 §3.4.2.5)",
    );
  }
  const written = options?.written;
  const sel: Selection = {
    only: given ? new Set(parseAttributeList(index, options?.attributes)) : undefined,
    excluded: new Set(parseAttributeList(index, options?.excludedAttributes)),
    written: new Set(
      parseAttributeList(
        index,
        written === undefined ? undefined : (typeof written === "string" ? [written] : written).map(withoutValueFilters),
      ),
    ),
  };
  const c = compileIndex(index);
  const out: Record<string, unknown> = {};
  projectScope(c.root, resource, sel, out, c.schemas);
  for (const ext of c.extensions) {
    const value: Record<string, unknown> = {};
    const stored = getAttributeByUrn(resource, ext.urn);
    if (projectScope(ext.scope, stored, sel, value, undefined)) out[ext.urn] = value;
  }
  return out;
}

function getAttributeByUrn(resource: Readonly<Record<string, unknown>>, urn: string): unknown {
  if (Object.hasOwn(resource, urn)) return resource[urn];
  const lower = urn.toLowerCase();
  for (const key of Object.keys(resource)) if (key.toLowerCase() === lower) return resource[key];
  return undefined;
}
