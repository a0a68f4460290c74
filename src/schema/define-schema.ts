import { ScimError } from "../errors.js";
import {
  type AnyAttribute,
  type Attribute,
  type Attributes,
  type ObjectView,
  type PatchEntry,
  type PatchableMutability,
  isAttribute,
} from "./attribute.js";
import { assertAttributeName, assertNoCaseDuplicates, assertSchemaId } from "./names.js";
import type { AttributeJSON, SchemaJSON } from "./schema-json.js";

/**
 * Type-only views of a schema's attributes, computed once per schema.
 * @internal
 */
export interface SchemaTypes<Id extends string, A extends Attributes> {
  /** the attributes as a resource carries them */
  readonly out: ObjectView<A, "rk", "out">;
  /** the attributes as a POST or PUT body carries them */
  readonly in: ObjectView<A, "ik", "in">;
  /** PATCH table rows with plain attribute names (a core schema) */
  readonly patch: PatchEntries<A, "">;
  /** PATCH table rows with URN-qualified names (an extension) */
  readonly patchUrn: PatchEntries<A, `${Id}:`>;
  /** what a no-path `add`/`replace` value may hold for this schema */
  readonly noPath: { -readonly [K in keyof A as A[K]["~"]["m"] extends PatchableMutability ? K : never]?: A[K]["~"]["pv"] };
}

/**
 * The PATCH rows of every attribute, prefixed with the attribute's (qualified) name.
 * @internal
 */
export type PatchEntries<A extends Attributes, Pre extends string> = {
  [K in keyof A & string]: PrefixEntries<A[K]["~"]["pe"], `${Pre}${K}`>;
}[keyof A & string];

type PrefixEntries<E, P extends string> = E extends PatchEntry ? { k: `${P}${E["k"]}`; v: E["v"] } : never;

/**
 * A SCIM schema (RFC 7643 §7): a URI and a set of attribute declarations.
 *
 * @example
 * ```ts
 * const s: Schema = schemaFromJSON(json);
 * console.log(s.id, s.toJSON().attributes.length);
 * ```
 */
export interface Schema<Id extends string = string, A extends Attributes = Attributes> {
  readonly id: Id;
  readonly name: string;
  readonly description: string | undefined;
  readonly attributes: A;
  /** Type-only: never present at run time. */
  readonly "~": SchemaTypes<Id, A>;
  /** The RFC 7643 §7 representation, as served by `/Schemas` (without `schemas` and `meta`). */
  toJSON(): SchemaJSON;
}

/**
 * The loose constraint for generic entry points (TYPES.md technique 2).
 *
 * @example
 * ```ts
 * function describe(schema: AnySchema): string {
 *   return `${schema.name} (${schema.id})`;
 * }
 * ```
 */
export interface AnySchema {
  readonly id: string;
  readonly name: string;
  readonly attributes: Attributes;
  // biome-ignore lint: the loose constraint is the point
  readonly "~": any;
  /** The RFC 7643 §7 representation. */
  toJSON(): SchemaJSON;
}

/**
 * The declaration `defineSchema` takes.
 *
 * @example
 * ```ts
 * const definition = {
 *   id: "urn:example:params:scim:schemas:extension:acme:2.0:Employee",
 *   name: "Employee",
 *   attributes: { badgeId: attr.string({ mutability: "immutable" }) },
 * } satisfies SchemaDefinition<string, Attributes>;
 * ```
 */
export interface SchemaDefinition<Id extends string, A extends Attributes> {
  /** The schema URI, e.g. `urn:ietf:params:scim:schemas:extension:acme:2.0:Employee`. */
  readonly id: Id;
  readonly name: string;
  readonly description?: string;
  readonly attributes: A;
}

const SCHEMA_BRAND = Symbol.for("scimtype.Schema");

/**
 * True for a schema made by `defineSchema` or `schemaFromJSON`.
 *
 * @example
 * ```ts
 * isSchema(UserSchema); // true
 * isSchema(UserSchema.toJSON()); // false: plain JSON, see schemaFromJSON
 * ```
 */
export function isSchema(value: unknown): value is Schema {
  return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[SCHEMA_BRAND] === true;
}

/**
 * Declares a SCIM schema. The result is the single source of truth: its types give the
 * resource and input views, and `toJSON()` is its `/Schemas` entry.
 *
 * @example
 * ```ts
 * const Employee = defineSchema({
 *   id: "urn:example:params:scim:schemas:extension:acme:2.0:Employee",
 *   name: "Employee",
 *   attributes: { badgeId: attr.string({ required: true, mutability: "immutable" }) },
 * });
 * ```
 */
export function defineSchema<const Id extends string, const A extends Attributes>(
  definition: SchemaDefinition<Id, A>,
): Schema<Id, A> {
  if (typeof definition !== "object" || definition === null) {
    throw new ScimError(400, "invalidValue", "A schema definition must be an object");
  }
  const { id, name, description, attributes } = definition;
  assertSchemaId(id);
  if (typeof name !== "string" || name === "") {
    throw new ScimError(400, "invalidValue", `Schema '${id}': name must be a non-empty string`);
  }
  if (description !== undefined && typeof description !== "string") {
    throw new ScimError(400, "invalidValue", `Schema '${id}': description must be a string`);
  }
  if (typeof attributes !== "object" || attributes === null || Array.isArray(attributes)) {
    throw new ScimError(400, "invalidValue", `Schema '${id}': attributes must be an object of attribute declarations`);
  }
  assertNoCaseDuplicates(Object.keys(attributes), `Schema '${id}'`);
  for (const [attrName, attribute] of Object.entries(attributes)) {
    assertAttributeName(attrName, attrName);
    if (!isAttribute(attribute)) {
      throw new ScimError(400, "invalidValue", `Attribute '${attrName}': not an attribute declaration (use attr.string() …)`);
    }
  }
  const frozen = Object.freeze({ ...attributes }) as A;
  const schema = {
    id,
    name,
    description,
    attributes: frozen,
    toJSON(): SchemaJSON {
      const json: SchemaJSON = { id, name, attributes: [] };
      if (description !== undefined) json.description = description;
      json.attributes = Object.entries(frozen).map(([n, a]) => attributeToJSON(n, a as AnyAttribute as Attribute));
      return json;
    },
  };
  Object.defineProperty(schema, SCHEMA_BRAND, { value: true });
  return Object.freeze(schema) as unknown as Schema<Id, A>;
}

/**
 * The RFC 7643 §7 representation of one attribute. `name`, `type`, `multiValued`,
 * `required`, `mutability` and `returned` are always written; the other characteristics
 * only where the declaration gave them, so a schema ingested from JSON serialises back to
 * exactly what it came from.
 */
export function attributeToJSON(name: string, attribute: Attribute): AttributeJSON {
  const d = attribute.declared;
  return {
    name,
    type: attribute.type,
    ...(d.referenceTypes !== undefined ? { referenceTypes: [...d.referenceTypes] } : {}),
    multiValued: attribute.multiValued,
    ...(d.description !== undefined ? { description: d.description } : {}),
    required: attribute.required,
    ...(d.caseExact !== undefined ? { caseExact: d.caseExact } : {}),
    ...(d.canonicalValues !== undefined ? { canonicalValues: [...d.canonicalValues] } : {}),
    ...(attribute.subAttributes !== undefined
      ? {
          subAttributes: Object.entries(attribute.subAttributes).map(([n, a]) =>
            attributeToJSON(n, a as AnyAttribute as Attribute),
          ),
        }
      : {}),
    mutability: attribute.mutability,
    returned: attribute.returned,
    ...(d.uniqueness !== undefined ? { uniqueness: d.uniqueness } : {}),
  };
}
