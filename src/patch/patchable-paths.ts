import type { Mutability } from "../schema/characteristics.js";
import type { ResolvedAttribute, ResourceIndex } from "../schema/schema-index.js";

const PATCHABLE: ReadonlySet<Mutability> = new Set(["readWrite", "writeOnly"]);

/** True when a PATCH may write this attribute: it and its parent are readWrite or writeOnly. */
export function isPatchable(resolved: ResolvedAttribute): boolean {
  return PATCHABLE.has(resolved.attribute.mutability) && (resolved.parent === undefined || isPatchable(resolved.parent));
}

function pathsOf(attributes: ReadonlyMap<string, ResolvedAttribute>, prefix: string, out: string[]): void {
  for (const top of attributes.values()) {
    // `schemas` follows from the attributes present; a PATCH does not name it (RFC 7644 §3.5.2).
    if (!isPatchable(top) || (prefix === "" && top.name === "schemas")) continue;
    out.push(`${prefix}${top.name}`);
    if (top.subAttributes === undefined) continue;
    const subPrefix = top.attribute.multiValued ? `${prefix}${top.name}[]` : `${prefix}${top.name}`;
    if (top.attribute.multiValued) out.push(subPrefix);
    for (const sub of top.subAttributes.values()) {
      if (isPatchable(sub)) out.push(`${subPrefix}.${sub.name}`);
    }
  }
}

/**
 * The paths a typed PATCH may touch, with `[]` standing for any value filter: the runtime
 * twin of `PatchPath<RT>` (whose `[${string}]` is this `[]`). A test compares the two.
 */
export function patchablePaths(index: ResourceIndex): string[] {
  const out: string[] = [];
  pathsOf(index.attributes, "", out);
  for (const ext of index.extensions.values()) pathsOf(ext.attributes, `${ext.schema.id}:`, out);
  return out;
}
