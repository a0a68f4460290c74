import type { Attribute } from "./attribute.js";
import { commonAttributes, schemasAttribute } from "./core/common.js";
import type { AnySchema } from "./define-schema.js";

/** One attribute or sub-attribute located in a resource type. */
export interface ResolvedAttribute {
  /** the attribute's name as the schema spells it */
  readonly name: string;
  /** the canonical path: `emails.value`, or `urn:…:User:manager.value` for an extension */
  readonly path: string;
  readonly attribute: Attribute;
  /** the complex attribute holding this sub-attribute */
  readonly parent: ResolvedAttribute | undefined;
  /** the extension URN under which the value lives in a resource; undefined for core and common attributes */
  readonly extension: string | undefined;
  /** sub-attributes of a complex attribute, keyed by lower-cased name */
  readonly subAttributes: ReadonlyMap<string, ResolvedAttribute> | undefined;
}

/** An extension schema of a resource type, with its attributes keyed by lower-cased name. */
export interface ResolvedExtension {
  readonly schema: AnySchema;
  readonly required: boolean;
  readonly attributes: ReadonlyMap<string, ResolvedAttribute>;
}

/**
 * The compiled lookup of a resource type: lower-cased name → definition, built once.
 * Attribute names are case-insensitive (RFC 7643 §2.1); every lookup here is.
 */
export interface ResourceIndex {
  /** the resource type's name, e.g. `User` (for error details and audit events) */
  readonly resourceType: string;
  readonly coreSchemaId: string;
  /** core schema attributes, plus `id`, `externalId`, `meta` and `schemas` */
  readonly attributes: ReadonlyMap<string, ResolvedAttribute>;
  /** extensions keyed by lower-cased URN */
  readonly extensions: ReadonlyMap<string, ResolvedExtension>;
  /**
   * Resolves `[urn:]name[.sub]`. `urn` may be the core schema's or an extension's (any case).
   * Returns undefined for an unknown name.
   */
  resolve(urn: string | undefined, name: string, sub?: string): ResolvedAttribute | undefined;
}

function resolveAll(
  attributes: Readonly<Record<string, unknown>>,
  extension: string | undefined,
  prefix: string,
): Map<string, ResolvedAttribute> {
  const map = new Map<string, ResolvedAttribute>();
  for (const [name, a] of Object.entries(attributes)) {
    const attribute = a as Attribute;
    const path = `${prefix}${name}`;
    let subAttributes: Map<string, ResolvedAttribute> | undefined;
    const resolved: ResolvedAttribute = {
      name,
      path,
      attribute,
      parent: undefined,
      extension,
      get subAttributes() {
        return subAttributes;
      },
    };
    if (attribute.subAttributes) {
      subAttributes = new Map();
      for (const [subName, s] of Object.entries(attribute.subAttributes)) {
        subAttributes.set(subName.toLowerCase(), {
          name: subName,
          path: `${path}.${subName}`,
          attribute: s as Attribute,
          parent: resolved,
          extension,
          subAttributes: undefined,
        });
      }
    }
    map.set(name.toLowerCase(), resolved);
  }
  return map;
}

/** Builds the index of a core schema plus its extensions. */
export function buildResourceIndex(
  resourceType: string,
  core: AnySchema,
  extensions: readonly { readonly schema: AnySchema; readonly required: boolean }[],
): ResourceIndex {
  const attributes = resolveAll({ schemas: schemasAttribute, ...commonAttributes }, undefined, "");
  for (const [key, value] of resolveAll(core.attributes, undefined, "")) attributes.set(key, value);
  const exts = new Map<string, ResolvedExtension>();
  for (const { schema, required } of extensions) {
    exts.set(schema.id.toLowerCase(), {
      schema,
      required,
      attributes: resolveAll(schema.attributes, schema.id, `${schema.id}:`),
    });
  }
  const coreLower = core.id.toLowerCase();
  return {
    resourceType,
    coreSchemaId: core.id,
    attributes,
    extensions: exts,
    resolve(urn, name, sub) {
      let scope: ReadonlyMap<string, ResolvedAttribute> | undefined;
      if (urn === undefined || urn.toLowerCase() === coreLower) scope = attributes;
      else scope = exts.get(urn.toLowerCase())?.attributes;
      const top = scope?.get(name.toLowerCase());
      if (sub === undefined || top === undefined) return top;
      return top.subAttributes?.get(sub.toLowerCase());
    },
  };
}
