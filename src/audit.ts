import type { ResolvedAttribute } from "./schema/schema-index.js";

/**
 * One rejected or ignored attempt on an immutable or readOnly attribute. Services log these:
 * the audit trail of every such attempt is part of the product (DESIGN §4).
 *
 * @example
 * ```ts
 * const events: ViolationEvent[] = [];
 * UserResourceType.applyPatch(stored, body, { onViolation: (e) => events.push(e) });
 * ```
 */
export interface ViolationEvent {
  /** the request that made the attempt */
  kind: "create" | "replace" | "patch";
  /** the resource type's name, e.g. `User` */
  resourceType: string;
  /** the target resource's `id`; undefined on create */
  resourceId: string | undefined;
  /**
   * The attribute attempted, in RFC 7644 §3.10 notation: `id`, `meta`,
   * `urn:…:enterprise:2.0:User:manager.displayName`, or with a value filter naming the
   * element of a multi-valued attribute: `members[value eq "2819c223"].display`.
   */
  path: string;
  mutability: "readOnly" | "immutable";
  /** the stored value (undefined when none is stored), writeOnly values redacted */
  stored: unknown;
  /** the value the request sent, writeOnly values redacted */
  attempted: unknown;
  /** `rejected`: the request failed with 400 `mutability`; `ignored`: the value was dropped and the request went on */
  action: "rejected" | "ignored";
  /** the index of the PATCH operation that made the attempt */
  operationIndex?: number;
}

/**
 * Receives every {@link ViolationEvent}. Must not throw: it runs inside request handling.
 *
 * @example
 * ```ts
 * const log: OnViolation = (e) => console.warn(`${e.action} ${e.kind} ${e.resourceType}/${e.resourceId}: ${e.path} is ${e.mutability}`);
 * ```
 */
export type OnViolation = (event: ViolationEvent) => void;

/** What a redacted value is replaced with in events. */
export const REDACTED = "[redacted]";

// Values the server promises never to disclose: writeOnly (RFC 7643 §7 "SHALL NOT be returned")
// and `returned: "never"` (a secret declared without writeOnly is still a secret).
function isSecret(attribute: ResolvedAttribute): boolean {
  const a = attribute.attribute;
  return a.mutability === "writeOnly" || a.returned === "never";
}

/**
 * A copy of `value` (a value of `attribute`, or one element of it) safe to log: values of
 * writeOnly or `returned: "never"` attributes and sub-attributes become {@link REDACTED}.
 * Keys the schema does not know inside a complex value are dropped, since nothing says they
 * are safe to log.
 */
export function redactValue(attribute: ResolvedAttribute, value: unknown): unknown {
  if (value === undefined || value === null) return value;
  if (isSecret(attribute)) return REDACTED;
  const subs = attribute.subAttributes;
  if (subs === undefined) return Array.isArray(value) ? value.slice() : value;
  const redactOne = (item: unknown): unknown => {
    if (typeof item !== "object" || item === null || Array.isArray(item)) return item;
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(item)) {
      const sub = subs.get(key.toLowerCase());
      // Keys come from the schema only, so a hostile key such as `__proto__` never lands on `out`.
      if (sub === undefined) continue;
      out[sub.name] = isSecret(sub) ? REDACTED : (item as Record<string, unknown>)[key];
    }
    return out;
  };
  return Array.isArray(value) ? value.map(redactOne) : redactOne(value);
}

/**
 * Builds an event with its values redacted and hands it to `onViolation`. An error thrown by
 * the hook propagates: a lost audit record must be visible, not swallowed.
 */
export function reportViolation(
  onViolation: OnViolation | undefined,
  attribute: ResolvedAttribute,
  event: Omit<ViolationEvent, "stored" | "attempted" | "mutability"> & {
    stored: unknown;
    attempted: unknown;
    mutability?: "readOnly" | "immutable";
  },
): void {
  if (onViolation === undefined) return;
  const full: ViolationEvent = {
    kind: event.kind,
    resourceType: event.resourceType,
    resourceId: event.resourceId,
    path: event.path,
    mutability: event.mutability ?? (attribute.attribute.mutability === "readOnly" ? "readOnly" : "immutable"),
    stored: redactValue(attribute, event.stored),
    attempted: redactValue(attribute, event.attempted),
    action: event.action,
  };
  if (event.operationIndex !== undefined) full.operationIndex = event.operationIndex;
  onViolation(full);
}
