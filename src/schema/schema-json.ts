import type { AttributeType, Mutability, Returned, Uniqueness } from "./characteristics.js";

/** An attribute as `/Schemas` represents it (RFC 7643 §7). */
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

/** A schema as `/Schemas` represents it (RFC 7643 §7), without `schemas` and `meta`. */
export interface SchemaJSON {
  id: string;
  name: string;
  description?: string;
  attributes: AttributeJSON[];
}
