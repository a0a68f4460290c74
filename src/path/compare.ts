// Sorting per RFC 7644 §3.4.2.3: by the attribute's type, case-insensitively unless caseExact,
// a multi-valued attribute by its primary value else its first, and resources without a value
// last when ascending ("ordered last if ascending and first if descending": the descending
// order is the exact reverse).

import { ScimError } from "../errors.js";
import type { ResolvedAttribute, ResourceIndex } from "../schema/schema-index.js";
import { getMember } from "./access.js";
import { parseAttrPath } from "./parse-path.js";

type SortKey = string | number | undefined;

/** The primary value of a multi-valued attribute, else its first; a single value as is. */
function pickOne(value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  for (const item of value) {
    if (typeof item === "object" && item !== null && (item as Record<string, unknown>).primary === true) return item;
  }
  return value[0];
}

function keyFor(resolved: ResolvedAttribute): (resource: unknown) => SortKey {
  const path: [string, string][] = [];
  if (resolved.extension !== undefined) path.push([resolved.extension, resolved.extension.toLowerCase()]);
  if (resolved.parent !== undefined) path.push([resolved.parent.name, resolved.parent.name.toLowerCase()]);
  path.push([resolved.name, resolved.name.toLowerCase()]);
  let attribute = resolved.attribute;
  if (attribute.type === "complex") {
    const value = resolved.subAttributes?.get("value");
    if (value === undefined) {
      throw new ScimError(400, "invalidValue", `sortBy '${resolved.path}' is complex; name one of its sub-attributes (RFC 7644 §3.4.2.3)`);
    }
    path.push([value.name, "value"]);
    attribute = value.attribute;
  }
  const { type, caseExact } = attribute;
  const normalise = (value: unknown): SortKey => {
    if (value === undefined || value === null) return undefined;
    switch (type) {
      case "integer":
      case "decimal":
        return typeof value === "number" ? value : undefined;
      case "boolean":
        return typeof value === "boolean" ? Number(value) : undefined;
      case "dateTime": {
        const instant = typeof value === "string" ? Date.parse(value) : Number.NaN;
        return Number.isNaN(instant) ? undefined : instant;
      }
      default: {
        if (typeof value !== "string") return typeof value === "number" || typeof value === "boolean" ? String(value) : undefined;
        return caseExact ? value : value.toLowerCase();
      }
    }
  };
  return (resource) => {
    let node: unknown = resource;
    for (const [key, lower] of path) node = pickOne(getMember(node, key, lower));
    return normalise(node);
  };
}

/**
 * A comparator for `Array.prototype.sort` that orders resources by `sortBy`
 * (RFC 7644 §3.4.2.3).
 *
 * @throws ScimError 400 `invalidValue` for an unknown or malformed `sortBy` or a `sortOrder`
 * other than `ascending` / `descending`.
 * @example
 * ```ts
 * users.sort(compileComparator(resourceIndex(UserResourceType), "name.familyName", "descending"));
 * ```
 */
export function compileComparator(
  index: ResourceIndex,
  sortBy: string,
  sortOrder: "ascending" | "descending" = "ascending",
): (a: Readonly<Record<string, unknown>>, b: Readonly<Record<string, unknown>>) => number {
  const order = typeof sortOrder === "string" ? sortOrder.toLowerCase() : sortOrder;
  if (order !== "ascending" && order !== "descending") {
    throw new ScimError(400, "invalidValue", `sortOrder must be "ascending" or "descending", not ${JSON.stringify(sortOrder)}`);
  }
  let attrPath;
  try {
    attrPath = parseAttrPath(sortBy);
  } catch (error) {
    if (ScimError.is(error)) throw new ScimError(400, "invalidValue", `sortBy: ${error.detail}`);
    throw error;
  }
  const resolved = index.resolve(attrPath.urn, attrPath.name, attrPath.sub);
  if (resolved === undefined) {
    throw new ScimError(400, "invalidValue", `sortBy '${sortBy}' is not an attribute of the ${index.resourceType} resource type`);
  }
  const key = keyFor(resolved);
  const sign = order === "ascending" ? 1 : -1;
  return (a, b) => {
    const ka = key(a);
    const kb = key(b);
    if (ka === undefined) return kb === undefined ? 0 : sign;
    if (kb === undefined) return -sign;
    return ka < kb ? -sign : ka > kb ? sign : 0;
  };
}
