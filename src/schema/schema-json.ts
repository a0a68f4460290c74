import type { AttributeType, Mutability, Returned, Uniqueness } from "./characteristics.js";

/**
 * An attribute as `/Schemas` represents it (RFC 7643 §7).
 *
 * @example
 * ```ts
 * const userName: AttributeJSON = UserSchema.toJSON().attributes[0]!;
 * // { name: "userName", type: "string", multiValued: false, required: true, mutability: "readWrite", returned: "default", uniqueness: "server", … }
 * ```
 */
export interface AttributeJSON {
  name: string;
  type: AttributeType;
  multiValued: boolean;
  description?: string;
  required: boolean;
  caseExact?: boolean;
  canonicalValues?: string[];
  referenceTypes?: string[];
  mutability: Mutability;
  returned: Returned;
  uniqueness?: Uniqueness;
  subAttributes?: AttributeJSON[];
}

/**
 * A schema as `/Schemas` represents it (RFC 7643 §7), without `schemas` and `meta`.
 *
 * @example
 * ```ts
 * const json: SchemaJSON = UserSchema.toJSON();
 * const again = schemaFromJSON(json); // round-trips
 * ```
 */
export interface SchemaJSON {
  id: string;
  name: string;
  description?: string;
  attributes: AttributeJSON[];
}
