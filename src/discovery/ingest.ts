import { ScimError } from "../errors.js";
import { type Attribute, type SubAttributes, createAttribute } from "../schema/attribute.js";
import type { AttributeOptions, AttributeType } from "../schema/characteristics.js";
import { ATTRIBUTE_TYPES } from "../schema/characteristics.js";
import { type Schema, defineSchema } from "../schema/define-schema.js";
import { assertAttributeName, assertSchemaId } from "../schema/names.js";

function fail(path: string, message: string): never {
  throw new ScimError(400, "invalidValue", `Attribute '${path}': ${message}`);
}

const CHARACTERISTICS = [
  "multiValued",
  "required",
  "caseExact",
  "mutability",
  "returned",
  "uniqueness",
  "canonicalValues",
  "referenceTypes",
  "description",
] as const;

function ingestAttribute(json: unknown, parentPath: string, index: number, depth: number): [string, Attribute] {
  const where = parentPath === "" ? `attributes[${index}]` : `${parentPath}.subAttributes[${index}]`;
  if (typeof json !== "object" || json === null || Array.isArray(json)) fail(where, "must be an object");
  const a = json as Record<string, unknown>;
  if (typeof a.name !== "string") fail(where, "name must be a string");
  const path = parentPath === "" ? a.name : `${parentPath}.${a.name}`;
  assertAttributeName(a.name, path);
  const type = a.type;
  if (typeof type !== "string" || !ATTRIBUTE_TYPES.includes(type as AttributeType)) {
    fail(path, `type must be one of ${ATTRIBUTE_TYPES.join(", ")}; got ${JSON.stringify(type)}`);
  }
  const options: Record<string, unknown> = {};
  for (const key of CHARACTERISTICS) if (a[key] !== undefined) options[key] = a[key];
  let subAttributes: SubAttributes | undefined;
  if (type === "complex") {
    if (depth > 0) fail(path, "a complex attribute cannot hold a complex sub-attribute (RFC 7643 §2.3.8)");
    if (!Array.isArray(a.subAttributes)) fail(path, "a complex attribute needs a subAttributes array");
    const subs: Record<string, Attribute> = {};
    for (const [i, s] of a.subAttributes.entries()) {
      const [name, sub] = ingestAttribute(s, path, i, depth + 1);
      if (Object.keys(subs).some((k) => k.toLowerCase() === name.toLowerCase())) {
        fail(`${path}.${name}`, "is declared twice (attribute names are case-insensitive, RFC 7643 §2.1)");
      }
      subs[name] = sub;
    }
    subAttributes = subs as unknown as SubAttributes;
  } else if (a.subAttributes !== undefined) {
    fail(path, `a ${type} attribute has no subAttributes`);
  }
  return [a.name, createAttribute(type as AttributeType, options as AttributeOptions, subAttributes, path)];
}

/**
 * Turns a `/Schemas` entry (RFC 7643 §7), for instance one served by another service
 * provider, into a runtime schema usable as a resource type's core schema or as an
 * extension. Its `toJSON()` gives back the RFC characteristics exactly; `schemas`, `meta`
 * and characteristics unknown to RFC 7643 are not kept.
 *
 * @throws ScimError 400 `invalidValue` with a detail naming the offending attribute path.
 *
 * @example
 * ```ts
 * const Slack = schemaFromJSON(await (await fetch(url)).json());
 * ```
 */
export function schemaFromJSON(json: unknown): Schema<string, Record<string, Attribute>> {
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    throw new ScimError(400, "invalidValue", "A schema must be a JSON object");
  }
  const s = json as Record<string, unknown>;
  assertSchemaId(s.id);
  if (typeof s.name !== "string") throw new ScimError(400, "invalidValue", `Schema '${s.id}': name must be a string`);
  if (s.description !== undefined && typeof s.description !== "string") {
    throw new ScimError(400, "invalidValue", `Schema '${s.id}': description must be a string`);
  }
  if (!Array.isArray(s.attributes)) {
    throw new ScimError(400, "invalidValue", `Schema '${s.id}': attributes must be an array`);
  }
  const attributes: Record<string, Attribute> = {};
  for (const [i, a] of s.attributes.entries()) {
    const [name, attribute] = ingestAttribute(a, "", i, 0);
    if (Object.keys(attributes).some((k) => k.toLowerCase() === name.toLowerCase())) {
      fail(name, "is declared twice (attribute names are case-insensitive, RFC 7643 §2.1)");
    }
    attributes[name] = attribute;
  }
  return defineSchema({
    id: s.id,
    name: s.name,
    ...(s.description !== undefined ? { description: s.description } : {}),
    attributes,
  }) as Schema<string, Record<string, Attribute>>;
}
