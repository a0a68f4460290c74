import { ScimError } from "../errors.js";
import type { Filter } from "../path/ast.js";
import { compileValueFilter } from "../path/evaluate.js";
import type { FilterOptions } from "../path/limits.js";
import { parsePath } from "../path/parse-path.js";
import type { ResolvedAttribute, ResolvedExtension, ResourceIndex } from "../schema/schema-index.js";

/** What a PATCH `path` designates, resolved against the resource type. */
export type Target =
  | {
      readonly kind: "attribute";
      /** the attribute (top level of the core schema or of an extension) */
      readonly top: ResolvedAttribute;
      /** a sub-attribute of `top` (`name.givenName`, `emails[…].value`) */
      readonly sub: ResolvedAttribute | undefined;
      /** the value filter of `top[…]`, compiled for one element */
      readonly filter: ((element: unknown) => boolean) | undefined;
      readonly filterAst: Filter | undefined;
      /** the path as the request wrote it, for errors and audit events */
      readonly text: string;
    }
  | {
      /** the extension URN itself: its whole object */
      readonly kind: "extension";
      readonly extension: ResolvedExtension;
      readonly text: string;
    };

function invalidPath(text: string, message: string): ScimError {
  return new ScimError(400, "invalidPath", `Path ${JSON.stringify(text)}: ${message}`);
}

// Identity providers send the same few paths over and over, so resolved targets (compiled
// filters included; they are pure) are kept per resource type in a small LRU map.
const CACHE_SIZE = 512;
const caches = new WeakMap<ResourceIndex, Map<string, Target>>();

/**
 * Resolves a PATCH path (RFC 7644 §3.5.2): attribute names case-insensitively, URN-qualified
 * names against the core schema or an extension, `[…]` compiled against the attribute's
 * sub-attributes. Unknown attributes and paths that do not fit the schema are 400
 * `invalidPath`; a bad filter is 400 `invalidFilter`.
 */
export function resolveTarget(index: ResourceIndex, text: string, options: FilterOptions): Target {
  let cache = caches.get(index);
  if (cache === undefined) caches.set(index, (cache = new Map()));
  const key = `${options.strict === true ? 1 : 0}:${options.maxLength ?? ""}:${options.maxDepth ?? ""}:${text}`;
  const hit = cache.get(key);
  if (hit !== undefined) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const target = resolveUncached(index, text, options);
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  cache.set(key, target);
  return target;
}

function resolveUncached(index: ResourceIndex, text: string, options: FilterOptions): Target {
  const ast = parsePath(text, options);
  const { urn, name, sub: dotted } = ast.attrPath;
  const top = index.resolve(urn, name);
  if (top === undefined) {
    if (urn !== undefined && dotted === undefined && ast.valueFilter === undefined) {
      const extension = index.extensions.get(`${urn}:${name}`.toLowerCase());
      if (extension !== undefined) return { kind: "extension", extension, text };
    }
    throw invalidPath(text, `no attribute '${urn === undefined ? name : `${urn}:${name}`}' in resource type '${index.resourceType}'`);
  }
  if (top.name === "schemas" && top.extension === undefined) {
    throw invalidPath(text, "'schemas' follows from the attributes a resource holds; a PATCH does not name it");
  }
  const subName = dotted ?? ast.subAttr;
  let sub: ResolvedAttribute | undefined;
  if (subName !== undefined) {
    if (top.subAttributes === undefined) throw invalidPath(text, `'${top.name}' is not complex and has no sub-attribute '${subName}'`);
    sub = top.subAttributes.get(subName.toLowerCase());
    if (sub === undefined) throw invalidPath(text, `'${top.name}' has no sub-attribute '${subName}'`);
  }
  let filter: ((element: unknown) => boolean) | undefined;
  if (ast.valueFilter !== undefined) {
    if (!top.attribute.multiValued || top.subAttributes === undefined) {
      throw invalidPath(text, `'${top.name}' is not a multi-valued complex attribute, so '[…]' selects nothing`);
    }
    filter = compileValueFilter(index, top, ast.valueFilter, options);
  }
  return { kind: "attribute", top, sub, filter, filterAst: ast.valueFilter, text };
}

/**
 * The sub-attribute values a value filter pins with `eq` (`type eq "work"`, or several joined
 * by `and`): what Microsoft Entra ID expects an `add` through an unmatched filter to create.
 * Undefined when the filter says anything else.
 */
export function filterEqualities(top: ResolvedAttribute, filter: Filter): Map<ResolvedAttribute, unknown> | undefined {
  const out = new Map<ResolvedAttribute, unknown>();
  const visit = (f: Filter): boolean => {
    if (f.kind === "and") return f.filters.every(visit);
    if (f.kind !== "compare" || f.op !== "eq" || f.attrPath.urn !== undefined) return false;
    const name = f.attrPath.sub === undefined ? f.attrPath.name : undefined;
    const sub = name === undefined ? undefined : top.subAttributes?.get(name.toLowerCase());
    if (sub === undefined || f.compValue === null || out.has(sub)) return false;
    out.set(sub, f.compValue);
    return true;
  };
  return visit(filter) ? out : undefined;
}
