// Reading attribute values out of a resource. Stored resources spell keys as the schema does,
// so the direct property read almost always hits; the case-insensitive scan runs only when it
// misses (attribute names are case-insensitive, RFC 7643 §2.1, and clients send `nickname`).

/**
 * The member `key` of `node`, or the first own member whose lower-cased name is `lower`.
 * Undefined when `node` is not an object or has neither.
 */
export function getMember(node: unknown, key: string, lower: string): unknown {
  if (typeof node !== "object" || node === null) return undefined;
  const record = node as Record<string, unknown>;
  const direct = record[key];
  // JSON holds no functions: one here is inherited from Object.prototype (`valueOf`…).
  if (direct !== undefined && typeof direct !== "function") return direct;
  const n = lower.length;
  for (const k in record) {
    if (k.length === n && k.toLowerCase() === lower && Object.hasOwn(record, k)) return record[k];
  }
  return undefined;
}

/**
 * RFC 7644 §3.4.2.2 `pr`: "If the attribute has a non-empty value, or if it contains a
 * non-empty node for complex attributes, there is a match." Empty strings, empty arrays and
 * objects with only empty members (RFC 7643 §2.5 "unassigned") are not present.
 */
export function isNonEmpty(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === "string") return value.length > 0;
  if (typeof value !== "object") return true;
  if (Array.isArray(value)) {
    for (const item of value) if (isNonEmpty(item)) return true;
    return false;
  }
  for (const key of Object.keys(value)) {
    if (isNonEmpty((value as Record<string, unknown>)[key])) return true;
  }
  return false;
}

function isAsciiText(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 127) return false;
  return true;
}

/**
 * A case-insensitive equality test against `constant`, lower-cased once. For ASCII constants
 * it compares char codes without allocating; other text goes through `toLowerCase()`.
 */
export function equalsIgnoringCase(constant: string): (value: string) => boolean {
  const lower = constant.toLowerCase();
  if (!isAsciiText(lower)) return (value) => value.toLowerCase() === lower;
  const n = lower.length;
  return (value) => {
    // No character lower-cases to a different number of ASCII characters, so a length
    // mismatch with an ASCII constant is a mismatch.
    if (value.length !== n) return false;
    for (let i = 0; i < n; i++) {
      const a = value.charCodeAt(i);
      const b = lower.charCodeAt(i);
      if (a === b) continue;
      if (a >= 65 && a <= 90) {
        if (a + 32 === b) continue;
        return false;
      }
      if (a < 128) return false;
      return value.toLowerCase() === lower;
    }
    return true;
  };
}
