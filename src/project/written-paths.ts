import type { ResourceIndex } from "../schema/schema-index.js";

/**
 * `emails[type eq "work"].value` → `emails.value`: the attribute a PATCH path writes, with its
 * value filter removed. One pass; quoted strings inside the filter may hold `]`.
 */
export function withoutValueFilters(path: string): string {
  let out = "";
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < path.length; i++) {
    const ch = path[i]!;
    if (depth === 0) {
      if (ch === "[") depth = 1;
      else out += ch;
      continue;
    }
    if (quoted) {
      if (ch === "\\") i++;
      else if (ch === '"') quoted = false;
    } else if (ch === '"') quoted = true;
    else if (ch === "[") depth++;
    else if (ch === "]") depth--;
  }
  return out;
}

/**
 * The paths a POST or PUT body wrote, for `serialize`'s `written` option: each top-level
 * attribute present, URN-qualified for extension attributes (RFC 7644 §3.10). Give it the
 * output of `parseCreate` / `parseReplace`'s body (attribute names already as the schema
 * spells them).
 */
export function writtenPaths(index: ResourceIndex, body: Readonly<Record<string, unknown>>): string[] {
  const out: string[] = [];
  for (const [key, value] of Object.entries(body)) {
    if (value === undefined || value === null) continue;
    const ext = index.extensions.get(key.toLowerCase());
    if (ext === undefined) {
      if (index.attributes.has(key.toLowerCase())) out.push(key);
      continue;
    }
    if (typeof value !== "object" || Array.isArray(value)) continue;
    for (const sub of Object.keys(value)) {
      const resolved = ext.attributes.get(sub.toLowerCase());
      if (resolved !== undefined) out.push(resolved.path);
    }
  }
  return out;
}
