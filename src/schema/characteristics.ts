/**
 * RFC 7643 §2.3 data types.
 *
 * @example
 * ```ts
 * const type: AttributeType = UserSchema.toJSON().attributes[0]!.type; // "string"
 * ```
 */
export type AttributeType =
  | "string"
  | "boolean"
  | "decimal"
  | "integer"
  | "dateTime"
  | "binary"
  | "reference"
  | "complex";

/**
 * RFC 7643 §7 `mutability`.
 *
 * @example
 * ```ts
 * const m: Mutability = "immutable";
 * attr.string({ mutability: m });
 * ```
 */
export type Mutability = "readOnly" | "readWrite" | "immutable" | "writeOnly";

/**
 * RFC 7643 §7 `returned`.
 *
 * @example
 * ```ts
 * attr.string({ mutability: "writeOnly", returned: "never" });
 * ```
 */
export type Returned = "always" | "never" | "default" | "request";

/**
 * RFC 7643 §7 `uniqueness`.
 *
 * @example
 * ```ts
 * attr.string({ uniqueness: "server", caseExact: true });
 * ```
 */
export type Uniqueness = "none" | "server" | "global";

export const ATTRIBUTE_TYPES: readonly AttributeType[] = [
  "string",
  "boolean",
  "decimal",
  "integer",
  "dateTime",
  "binary",
  "reference",
  "complex",
];
export const MUTABILITIES: readonly Mutability[] = ["readOnly", "readWrite", "immutable", "writeOnly"];
export const RETURNEDS: readonly Returned[] = ["always", "never", "default", "request"];
export const UNIQUENESSES: readonly Uniqueness[] = ["none", "server", "global"];

/**
 * The characteristics an attribute declaration may set, with the RFC 7643 §7 names.
 * Omitted ones take the RFC defaults: single-valued, not required, not caseExact,
 * `readWrite`, returned `default`, uniqueness `none`.
 *
 * @example
 * ```ts
 * const options = { required: true, mutability: "immutable", caseExact: true } as const satisfies AttributeOptions;
 * const badgeId = attr.string(options);
 * ```
 */
export interface AttributeOptions {
  readonly multiValued?: boolean;
  readonly required?: boolean;
  readonly caseExact?: boolean;
  readonly mutability?: Mutability;
  readonly returned?: Returned;
  readonly uniqueness?: Uniqueness;
  readonly canonicalValues?: readonly string[];
  readonly referenceTypes?: readonly string[];
  readonly description?: string;
}

/** Options of a complex attribute: `caseExact`, `canonicalValues` and `referenceTypes` mean nothing there (§2.3.8) but are kept if given, as the RFC's own figures carry some. */
export type ComplexOptions = AttributeOptions;
