import type { ResolvedAttribute, ResourceIndex } from "../schema/schema-index.js";
import { withoutValueFilters } from "./written-paths.js";

/**
 * An `attributes` / `excludedAttributes` value: comma-separated text, or several such texts.
 *
 * @example
 * ```ts
 * const list: AttributeList = ["userName", "name.givenName", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department"];
 * ```
 */
export type AttributeList = string | readonly string[];

function items(list: AttributeList | undefined): string[] {
  if (list === undefined) return [];
  const texts = typeof list === "string" ? [list] : list;
  const out: string[] = [];
  for (const text of texts) {
    if (typeof text !== "string") continue;
    for (const item of splitOutsideFilters(text)) {
      // RFC 7644 §3.4.2.5 takes attribute names; Microsoft Entra ID sends
      // `emails[type eq "work"]`, read here as the attribute it names (`emails`), not a filter.
      const trimmed = withoutValueFilters(item).trim();
      if (trimmed !== "") out.push(trimmed);
    }
  }
  return out;
}

/** Splits at commas that are not inside a `[…]` value filter (whose strings may hold commas). */
function splitOutsideFilters(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === "\\") i++;
      else if (ch === '"') quoted = false;
    } else if (ch === '"' && depth > 0) quoted = true;
    else if (ch === "[") depth++;
    else if (ch === "]" && depth > 0) depth--;
    else if (ch === "," && depth === 0) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out;
}

/** True when the list names at least one path (blank entries do not count). */
export function isGiven(list: AttributeList | undefined): boolean {
  return items(list).length > 0;
}

function resolveIn(index: ResourceIndex, urn: string | undefined, rest: string): ResolvedAttribute | undefined {
  const dot = rest.indexOf(".");
  if (dot < 0) return index.resolve(urn, rest);
  const sub = rest.slice(dot + 1);
  if (sub.includes(".")) return undefined;
  return index.resolve(urn, rest.slice(0, dot), sub);
}

function resolveItem(index: ResourceIndex, item: string): ResolvedAttribute[] {
  if (item.slice(0, 4).toLowerCase() !== "urn:") {
    const found = resolveIn(index, undefined, item);
    return found ? [found] : [];
  }
  // RFC 7644 §3.10: `<schema URN>:<attribute>[.<sub>]`. Schema URNs hold dots ("2.0") but
  // attribute names hold no colon, so the attribute starts after the last colon.
  const colon = item.lastIndexOf(":");
  const urn = item.slice(0, colon);
  const lowerUrn = urn.toLowerCase();
  if (lowerUrn === index.coreSchemaId.toLowerCase() || index.extensions.has(lowerUrn)) {
    const found = resolveIn(index, urn, item.slice(colon + 1));
    return found ? [found] : [];
  }
  // A bare extension URN names the whole extension.
  const ext = index.extensions.get(item.toLowerCase());
  return ext ? [...ext.attributes.values()] : [];
}

/**
 * Resolves an `attributes` or `excludedAttributes` list (RFC 7644 §3.4.2.5, §3.9) against a
 * resource type: comma-separated attribute names (any case, RFC 7643 §2.1), sub-attribute
 * paths (`name.givenName`, `emails.value`) and URN-qualified paths
 * (`urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager`); a bare extension URN
 * names all of its attributes. Names the resource type does not know are ignored, as
 * RFC 7644 does not make them an error. The result holds each attribute once.
 */
export function parseAttributeList(index: ResourceIndex, list: AttributeList | undefined): ResolvedAttribute[] {
  const seen = new Set<ResolvedAttribute>();
  for (const item of items(list)) {
    for (const resolved of resolveItem(index, item)) seen.add(resolved);
  }
  return [...seen];
}
