import { ScimError } from "../errors.js";

// `meta.version` is a weak entity tag (RFC 7644 §3.14, RFC 7232 §2.3): `W/"<n>"`, n counting
// the resource's real modifications. The handler compares tags weakly (RFC 7232 §2.3.2), since
// a strong comparison of weak tags never matches and If-Match would be useless.

/** The version of a new resource. */
export const FIRST_VERSION = 'W/"1"';

/** The version after `previous`: its counter plus one; a foreign tag restarts from a fresh counter. */
export function nextVersion(previous: unknown): string {
  const match = typeof previous === "string" ? /^W\/"(\d{1,15})"$/.exec(previous) : null;
  if (match === null) return `W/"${Date.now()}"`;
  return `W/"${Number(match[1]) + 1}"`;
}

/** The opaque part of a tag, for weak comparison. */
function opaque(tag: string): string {
  const t = tag.trim();
  return t.startsWith("W/") || t.startsWith("w/") ? t.slice(2) : t;
}

/**
 * The entity tags of an If-Match / If-None-Match header: `*`, or a list of tags. A linear
 * scan: split on commas outside quotes (tags may not hold '"', RFC 7232 §2.3).
 */
function parseTags(header: string): "*" | string[] {
  if (header.trim() === "*") return "*";
  const tags: string[] = [];
  let current = "";
  let quoted = false;
  for (const ch of header) {
    if (ch === '"') quoted = !quoted;
    if (ch === "," && !quoted) {
      if (current.trim() !== "") tags.push(current.trim());
      current = "";
    } else current += ch;
  }
  if (current.trim() !== "") tags.push(current.trim());
  return tags;
}

/** Whether a header's tags match `version` (weak comparison; `*` matches any existing resource). */
export function tagsMatch(header: string, version: unknown): boolean {
  const tags = parseTags(header);
  if (tags === "*") return true;
  if (typeof version !== "string") return false;
  const mine = opaque(version);
  return tags.some((t) => opaque(t) === mine);
}

/** RFC 7644 §3.14: a write with If-Match that does not match the stored version → 412. */
export function checkIfMatch(header: string | null, version: unknown, what: string): void {
  if (header === null) return;
  if (!tagsMatch(header, version)) {
    throw new ScimError(412, undefined, `${what} has changed: If-Match ${header.trim()} does not match meta.version ${String(version)}`);
  }
}

/** The `meta.version` of a stored resource. */
export function versionOf(resource: Readonly<Record<string, unknown>>): string | undefined {
  const meta = resource.meta;
  const version = typeof meta === "object" && meta !== null ? (meta as Record<string, unknown>).version : undefined;
  return typeof version === "string" ? version : undefined;
}
