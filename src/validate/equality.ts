import type { Node } from "./compiled.js";
import { dateTimeKey } from "./date-time.js";
import { isAssigned, isObject } from "./validate-value.js";

/**
 * The value of `node` in `obj`, whatever the case of its key: stored resources and raw body
 * values need not spell names as the schema does.
 * @internal
 */
export function getAttribute(obj: unknown, node: Node): unknown {
  if (!isObject(obj)) return undefined;
  if (Object.hasOwn(obj, node.name)) return obj[node.name];
  const lower = node.name.toLowerCase();
  for (const key of Object.keys(obj)) {
    if (key.toLowerCase() === lower) return obj[key];
  }
  return undefined;
}

/**
 * A string that two values of `node` share exactly when the schema calls them equal:
 * strings compare per `caseExact` (RFC 7643 §2.3.1), dateTimes as instants, complex values
 * sub-attribute by sub-attribute. Undefined for a value that is not of the attribute's type
 * (it equals nothing).
 * @internal
 */
export function singleKey(node: Node, value: unknown): string | undefined {
  if (node.subs !== undefined) {
    if (!isObject(value)) return undefined;
    const parts: (string | null)[] = [];
    for (const sub of node.subs.list) {
      const v = getAttribute(value, sub);
      if (!isAssigned(v)) {
        parts.push(null);
        continue;
      }
      const key = attributeKey(sub, v);
      if (key === undefined) return undefined;
      parts.push(key);
    }
    return JSON.stringify(parts);
  }
  switch (typeof value) {
    case "string":
      if (node.type === "dateTime") return `d${dateTimeKey(value) ?? value}`;
      if (node.type === "boolean") return undefined;
      return node.caseExact ? `s${value}` : `s${value.toLowerCase()}`;
    case "number":
      return Number.isFinite(value) ? `n${value}` : undefined;
    case "boolean":
      return value ? "t" : "f";
    default:
      return undefined;
  }
}

function attributeKey(node: Node, value: unknown): string | undefined {
  if (!node.multiValued) return singleKey(node, value);
  if (!Array.isArray(value)) return undefined;
  const keys: string[] = [];
  for (const item of value) {
    const key = singleKey(node, item);
    if (key === undefined) return undefined;
    keys.push(key);
  }
  // Multi-valued attributes are unordered (RFC 7643 §2.4): compare them as multisets.
  return JSON.stringify(keys.sort());
}

/**
 * True when `a` and `b` are the same value of `node` (unassigned equals unassigned).
 * @internal
 */
export function sameValue(node: Node, a: unknown, b: unknown): boolean {
  const aSet = isAssigned(a);
  if (aSet !== isAssigned(b)) return false;
  if (!aSet) return true;
  if (a === b) return true;
  const ka = attributeKey(node, a);
  return ka !== undefined && ka === attributeKey(node, b);
}
