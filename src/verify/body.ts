import { getMember } from "../path/access.js";
import type { ResolvedAttribute, ResourceIndex } from "../schema/schema-index.js";
import { compileNode } from "../validate/compiled.js";
import { sameValue } from "../validate/equality.js";

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `obj[name]`, whatever the case of the key the server used. */
export function member(obj: unknown, name: string): unknown {
  return getMember(obj, name, name.toLowerCase());
}

/** The top-level attribute holding `attribute` (itself, or its parent for a sub-attribute). */
export function topOf(attribute: ResolvedAttribute): ResolvedAttribute {
  return attribute.parent ?? attribute;
}

/**
 * The value of `attribute` in a resource: for a sub-attribute of a multi-valued attribute, the
 * sub-attribute's value in each element (an array).
 */
export function readAttribute(resource: unknown, attribute: ResolvedAttribute): unknown {
  const top = topOf(attribute);
  const container = top.extension === undefined ? resource : member(resource, top.extension);
  const value = member(container, top.name);
  if (attribute.parent === undefined) return value;
  if (Array.isArray(value)) return value.map((element) => member(element, attribute.name));
  return member(value, attribute.name);
}

/** True when `attribute` has a value in `resource` (RFC 7643 §2.5: null, [] and {} are none). */
export function isPresent(resource: unknown, attribute: ResolvedAttribute): boolean {
  const value = readAttribute(resource, attribute);
  if (value === undefined || value === null) return false;
  if (Array.isArray(value)) return value.some((v) => v !== undefined && v !== null);
  if (isObject(value)) return Object.keys(value).length > 0;
  return true;
}

/** Sets `attribute` (top-level, or a sub-attribute inside its parent's value) in a body. */
export function writeAttribute(body: Json, attribute: ResolvedAttribute, value: unknown): void {
  const top = topOf(attribute);
  let container = body;
  if (top.extension !== undefined) {
    const ext = member(body, top.extension);
    container = isObject(ext) ? ext : {};
    body[top.extension] = container;
    const schemas = Array.isArray(body.schemas) ? (body.schemas as string[]) : [];
    if (!schemas.some((s) => s.toLowerCase() === top.extension!.toLowerCase())) body.schemas = [...schemas, top.extension];
  }
  if (attribute.parent === undefined) {
    container[top.name] = value;
    return;
  }
  const current = member(container, top.name);
  if (top.attribute.multiValued) {
    const elements = Array.isArray(current) && current.length > 0 ? current : [{}];
    container[top.name] = elements.map((e) => ({ ...(isObject(e) ? e : {}), [attribute.name]: value }));
  } else {
    container[top.name] = { ...(isObject(current) ? current : {}), [attribute.name]: value };
  }
}

/** Same value per the schema: caseExact-aware strings, dateTimes as instants, multi-valued as sets. */
export function same(attribute: ResolvedAttribute, a: unknown, b: unknown): boolean {
  if (attribute.parent !== undefined && topOf(attribute).attribute.multiValued) {
    // one element's sub-attribute, read from each element of the stored list
    const list = Array.isArray(a) ? a : [a];
    return list.some((item) => sameValue(compileNode(attribute), item, b));
  }
  return sameValue(compileNode(attribute), a, b);
}

/**
 * A PUT body made from a resource as returned: readOnly attributes (`id`, `meta`, `groups` …)
 * left out, since RFC 7644 §3.5.1 lets the server ignore them and some servers reject them.
 */
export function putBody(index: ResourceIndex, resource: unknown): Json {
  const out: Json = {};
  if (!isObject(resource)) return out;
  for (const [key, value] of Object.entries(resource)) {
    const lower = key.toLowerCase();
    if (lower === "schemas") {
      out[key] = value;
      continue;
    }
    const extension = index.extensions.get(lower);
    if (extension !== undefined && isObject(value)) {
      const ext: Json = {};
      for (const [k, v] of Object.entries(value)) {
        const a = extension.attributes.get(k.toLowerCase());
        if (a !== undefined && a.attribute.mutability !== "readOnly") ext[k] = stripReadOnlySubs(a, v);
      }
      out[key] = ext;
      continue;
    }
    const a = index.attributes.get(lower);
    if (a !== undefined && a.attribute.mutability !== "readOnly") out[key] = stripReadOnlySubs(a, value);
  }
  return out;
}

function stripReadOnlySubs(attribute: ResolvedAttribute, value: unknown): unknown {
  if (attribute.subAttributes === undefined) return value;
  const strip = (element: unknown): unknown => {
    if (!isObject(element)) return element;
    const out: Json = {};
    for (const [k, v] of Object.entries(element)) {
      const sub = attribute.subAttributes?.get(k.toLowerCase());
      if (sub === undefined || sub.attribute.mutability !== "readOnly") out[k] = v;
    }
    return out;
  };
  return Array.isArray(value) ? value.map(strip) : strip(value);
}
