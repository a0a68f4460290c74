import { ScimError } from "../errors.js";
import {
  ATTRIBUTE_TYPES,
  MUTABILITIES,
  RETURNEDS,
  UNIQUENESSES,
  type AttributeOptions,
  type AttributeType,
  type Mutability,
  type Returned,
  type Uniqueness,
} from "./characteristics.js";
import { assertAttributeName, assertNoCaseDuplicates } from "./names.js";

/**
 * How a key appears in a derived view: required, optional, or absent.
 * @internal
 */
export type KeyKind = "req" | "opt" | "none";

/**
 * Type-only summary of one attribute, computed once when the builder is called, so the
 * views (`ScimResource`, `CreateInput`, `PatchPath`…) index it instead of recursing
 * (TYPES.md technique 1).
 * @internal
 */
export interface AttrTypes {
  /** value in the resource view (an array when multi-valued) */
  readonly out: unknown;
  /** value in the input views (a readonly array when multi-valued) */
  readonly in: unknown;
  /** one value: the element of a multi-valued attribute, or the value itself */
  readonly item: unknown;
  /** key kind in the resource view */
  readonly rk: KeyKind;
  /** key kind in the input views */
  readonly ik: KeyKind;
  readonly m: Mutability;
  readonly mv: boolean;
  /** the sub-attribute declarations of a complex attribute, `{}` otherwise */
  readonly sub: object;
  /** the value a PATCH `add`/`replace` takes at the attribute itself (no filter) */
  readonly pv: unknown;
  /** the PATCH table rows of this attribute, keys relative to its name (`""`, `".sub"`, `"[]"`, `"[].sub"`) */
  readonly pe: PatchEntry;
}

/**
 * One row of a PATCH table: a path with filters written as `[]` (TYPES.md technique 3) and the
 * value `add`/`replace` take there.
 * @internal
 */
export interface PatchEntry {
  readonly k: string;
  readonly v: unknown;
}

/** Mutabilities a typed PATCH may write. */
export type PatchableMutability = "readWrite" | "writeOnly";

/**
 * A declared attribute: its RFC 7643 §7 characteristics, resolved with the defaults.
 * The runtime object is what `/Schemas` serialises; `~` exists only in the type system.
 *
 * @example
 * ```ts
 * const badgeId = attr.string({ mutability: "immutable" }); // Attribute<"string", …>
 * console.log(badgeId.type, badgeId.mutability); // "string" "immutable"
 * ```
 */
export interface Attribute<T extends AttributeType = AttributeType, P extends AttrTypes = AttrTypes> {
  readonly type: T;
  readonly multiValued: boolean;
  readonly required: boolean;
  readonly caseExact: boolean;
  readonly mutability: Mutability;
  readonly returned: Returned;
  readonly uniqueness: Uniqueness;
  readonly canonicalValues: readonly string[] | undefined;
  readonly referenceTypes: readonly string[] | undefined;
  readonly description: string | undefined;
  /** sub-attributes of a complex attribute, in declaration order */
  readonly subAttributes: Readonly<Record<string, SimpleAttribute>> | undefined;
  /** the options exactly as declared, so `toJSON()` emits what was written and no more */
  readonly declared: AttributeOptions;
  /** Type-only: never present at run time. */
  readonly "~": P;
}

/**
 * The loose constraint for generic entry points: a phantom of `any` keeps a call from
 * comparing computed views structurally (TYPES.md technique 2).
 *
 * @example
 * ```ts
 * const isImmutable = (a: AnyAttribute) => a.mutability === "immutable";
 * ```
 */
export interface AnyAttribute {
  readonly type: AttributeType;
  readonly multiValued: boolean;
  readonly mutability: Mutability;
  // biome-ignore lint: the loose constraint is the point
  readonly "~": any;
}

/**
 * An attribute that is not complex: what a complex attribute may hold (RFC 7643 §2.3.8).
 *
 * @example
 * ```ts
 * const sub: SimpleAttribute = attr.string({ canonicalValues: ["work", "home"] }); // may sit inside attr.complex
 * ```
 */
export interface SimpleAttribute extends AnyAttribute {
  readonly type: Exclude<AttributeType, "complex">;
}

/**
 * A record of attribute declarations, keyed by attribute name.
 *
 * @example
 * ```ts
 * const attributes = { badgeId: attr.string(), hireDate: attr.dateTime() } satisfies Attributes;
 * defineSchema({ id: "urn:example:params:scim:schemas:extension:acme:2.0:Employee", name: "Employee", attributes });
 * ```
 */
export type Attributes = { readonly [name: string]: AnyAttribute };
/**
 * A record of simple attribute declarations: the sub-attributes of a complex attribute.
 *
 * @example
 * ```ts
 * const subs = { value: attr.string(), display: attr.string({ mutability: "readOnly" }) } satisfies SubAttributes;
 * const manager = attr.complex(subs);
 * ```
 */
export type SubAttributes = { readonly [name: string]: SimpleAttribute };

// ---------------------------------------------------------------------------------------
// Type-level resolution of the options (RFC 7643 §7 defaults)

type MutOf<O> = O extends { readonly mutability: infer M extends Mutability } ? M : "readWrite";
type MvOf<O> = O extends { readonly multiValued: true } ? true : false;
type RkOf<O> = O extends { readonly mutability: "writeOnly" } | { readonly returned: "never" }
  ? "none"
  : O extends { readonly returned: "request" }
    ? "opt"
    : O extends { readonly required: true }
      ? "req"
      : "opt";
type IkOf<O> = O extends { readonly mutability: "readOnly" }
  ? "none"
  : O extends { readonly required: true }
    ? "req"
    : "opt";

/** A string whose canonical values complete in editors without rejecting other strings. */
type Canonical<O> = O extends { readonly canonicalValues: readonly (infer C extends string)[] }
  ? [C] extends [never]
    ? string
    : C | (string & {})
  : string;

/** @internal */
export interface SimpleTypes<O, V> extends AttrTypes {
  readonly out: O extends { readonly multiValued: true } ? V[] : V;
  readonly in: O extends { readonly multiValued: true } ? readonly V[] : V;
  readonly item: V;
  readonly rk: RkOf<O>;
  readonly ik: IkOf<O>;
  readonly m: MutOf<O>;
  readonly mv: MvOf<O>;
  readonly sub: {};
  readonly pv: O extends { readonly multiValued: true } ? readonly V[] : V;
  readonly pe: MutOf<O> extends PatchableMutability
    ? { k: ""; v: O extends { readonly multiValued: true } ? readonly V[] : V }
    : never;
}

/**
 * An object view over a record of attribute declarations: the keys of kind `"req"` are
 * required, those of kind `"opt"` optional, the rest absent.
 * @internal
 */
export type ObjectView<A extends Attributes, KK extends "rk" | "ik", V extends "out" | "in"> = Flatten<
  {
    -readonly [K in keyof A as A[K]["~"][KK] extends "req" ? K : never]: A[K]["~"][V];
  } & {
    -readonly [K in keyof A as A[K]["~"][KK] extends "opt" ? K : never]?: A[K]["~"][V];
  }
>;

/** One object type instead of an intersection, so hovers and errors show plain properties. */
type Flatten<T> = { [K in keyof T]: T[K] } & {};

/** @internal */
export interface ComplexTypes<S extends SubAttributes, O> extends AttrTypes {
  readonly out: O extends { readonly multiValued: true } ? ObjectView<S, "rk", "out">[] : ObjectView<S, "rk", "out">;
  readonly in: O extends { readonly multiValued: true }
    ? readonly ObjectView<S, "ik", "in">[]
    : ObjectView<S, "ik", "in">;
  readonly item: ObjectView<S, "ik", "in">;
  readonly rk: RkOf<O>;
  readonly ik: IkOf<O>;
  readonly m: MutOf<O>;
  readonly mv: MvOf<O>;
  readonly sub: S;
  readonly pv: O extends { readonly multiValued: true } ? readonly ObjectView<S, "ik", "in">[] : PatchablePartial<S>;
  readonly pe: MutOf<O> extends PatchableMutability
    ? O extends { readonly multiValued: true }
      ?
          | { k: ""; v: readonly ObjectView<S, "ik", "in">[] }
          | { k: "[]"; v: PatchablePartial<S> }
          | SubPatchEntries<S, "[].">
      : { k: ""; v: PatchablePartial<S> } | SubPatchEntries<S, ".">
    : never;
}

/**
 * The writable sub-attributes of a complex value, all optional: what a PATCH merges into a
 * single-valued complex attribute or into the values a filter selects.
 * @internal
 */
export type PatchablePartial<S extends SubAttributes> = {
  -readonly [K in keyof S as S[K]["~"]["m"] extends PatchableMutability ? K : never]?: S[K]["~"]["in"];
};

/** @internal */
export type SubPatchEntries<S extends SubAttributes, Pre extends string> = {
  [K in keyof S & string]: S[K]["~"]["m"] extends PatchableMutability ? { k: `${Pre}${K}`; v: S[K]["~"]["in"] } : never;
}[keyof S & string];

/** Options of `attr.string()` and `attr.reference()`. */
export type StringOptions = AttributeOptions;
/** Options of attributes whose values have no case (boolean, numbers, dateTime, binary). */
export type PlainOptions = Omit<AttributeOptions, "canonicalValues" | "referenceTypes">;

// ---------------------------------------------------------------------------------------
// Runtime

function fail(path: string, message: string): never {
  throw new ScimError(400, "invalidValue", `Attribute '${path}': ${message}`);
}

function checkOneOf<T extends string>(value: unknown, allowed: readonly T[], key: string, path: string): void {
  if (value !== undefined && !allowed.includes(value as T)) {
    fail(path, `${key} must be one of ${allowed.join(", ")}; got ${JSON.stringify(value)}`);
  }
}

function checkStrings(value: unknown, key: string, path: string): void {
  if (value === undefined) return;
  if (!Array.isArray(value) || value.some((v) => typeof v !== "string")) {
    fail(path, `${key} must be an array of strings`);
  }
}

function checkBoolean(value: unknown, key: string, path: string): void {
  if (value !== undefined && typeof value !== "boolean") fail(path, `${key} must be a boolean`);
}

const OPTION_KEYS = new Set([
  "multiValued",
  "required",
  "caseExact",
  "mutability",
  "returned",
  "uniqueness",
  "canonicalValues",
  "referenceTypes",
  "description",
]);

/**
 * Checks one declaration's options and resolves the RFC 7643 §7 defaults.
 * `path` names the attribute in errors (it is "?" until the schema gives it a name).
 * @internal
 */
export function createAttribute(
  type: AttributeType,
  options: AttributeOptions | undefined,
  subAttributes: SubAttributes | undefined,
  path = "?",
): Attribute {
  const o: AttributeOptions = options ?? {};
  if (typeof o !== "object" || o === null || Array.isArray(o)) fail(path, "options must be an object");
  checkOneOf(type, ATTRIBUTE_TYPES, "type", path);
  for (const key of Object.keys(o)) {
    if (!OPTION_KEYS.has(key)) fail(path, `unknown characteristic '${key}'`);
  }
  checkBoolean(o.multiValued, "multiValued", path);
  checkBoolean(o.required, "required", path);
  checkBoolean(o.caseExact, "caseExact", path);
  checkOneOf(o.mutability, MUTABILITIES, "mutability", path);
  checkOneOf(o.returned, RETURNEDS, "returned", path);
  checkOneOf(o.uniqueness, UNIQUENESSES, "uniqueness", path);
  checkStrings(o.canonicalValues, "canonicalValues", path);
  checkStrings(o.referenceTypes, "referenceTypes", path);
  if (o.description !== undefined && typeof o.description !== "string") fail(path, "description must be a string");
  if (type === "complex") {
    if (typeof subAttributes !== "object" || subAttributes === null || Array.isArray(subAttributes)) {
      fail(path, "a complex attribute needs an object of sub-attributes");
    }
    assertNoCaseDuplicates(Object.keys(subAttributes), `Attribute '${path}'`);
    for (const [name, sub] of Object.entries(subAttributes)) {
      assertAttributeName(name, `${path}.${name}`);
      if (!isAttribute(sub)) fail(`${path}.${name}`, "is not an attribute declaration (use attr.string() …)");
      if ((sub as AnyAttribute).type === "complex") {
        fail(`${path}.${name}`, "a complex attribute cannot hold a complex sub-attribute (RFC 7643 §2.3.8)");
      }
    }
  } else if (subAttributes !== undefined) {
    fail(path, `a ${type} attribute has no sub-attributes`);
  }
  const declared: AttributeOptions = Object.freeze({
    ...o,
    ...(o.canonicalValues ? { canonicalValues: Object.freeze([...o.canonicalValues]) } : {}),
    ...(o.referenceTypes ? { referenceTypes: Object.freeze([...o.referenceTypes]) } : {}),
  });
  const attribute = {
    type,
    multiValued: o.multiValued ?? false,
    required: o.required ?? false,
    // RFC 7643 §2.3.6, §2.3.7: "A binary is case exact", "A reference is case exact".
    caseExact: o.caseExact ?? (type === "binary" || type === "reference"),
    mutability: o.mutability ?? "readWrite",
    returned: o.returned ?? "default",
    uniqueness: o.uniqueness ?? "none",
    canonicalValues: declared.canonicalValues,
    referenceTypes: declared.referenceTypes,
    description: o.description,
    subAttributes: subAttributes ? Object.freeze({ ...subAttributes }) : undefined,
    declared,
  };
  Object.defineProperty(attribute, ATTRIBUTE_BRAND, { value: true });
  return Object.freeze(attribute) as unknown as Attribute;
}

const ATTRIBUTE_BRAND = Symbol.for("scimtype.Attribute");

/**
 * True for an object made by one of the `attr` builders or by `schemaFromJSON`.
 *
 * @example
 * ```ts
 * isAttribute(attr.string()); // true
 * isAttribute({ type: "string" }); // false: not made by attr.*
 * ```
 */
export function isAttribute(value: unknown): value is Attribute {
  return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[ATTRIBUTE_BRAND] === true;
}

/**
 * The attribute builders. Each takes a `const` options object with the RFC 7643 §7
 * characteristic names; what you omit takes the RFC default.
 *
 * @example
 * ```ts
 * const badgeId = attr.string({ required: true, mutability: "immutable", caseExact: true });
 * const emails = attr.complex({ value: attr.string(), type: attr.string({ canonicalValues: ["work", "home"] }) }, { multiValued: true });
 * ```
 */
export const attr = {
  /** RFC 7643 §2.3.1 string. */
  string<const O extends StringOptions = {}>(options?: O): Attribute<"string", SimpleTypes<O, Canonical<O>>> {
    return createAttribute("string", options, undefined) as never;
  },
  /** RFC 7643 §2.3.2 boolean. */
  boolean<const O extends PlainOptions = {}>(options?: O): Attribute<"boolean", SimpleTypes<O, boolean>> {
    return createAttribute("boolean", options, undefined) as never;
  },
  /** RFC 7643 §2.3.3 decimal. */
  decimal<const O extends PlainOptions = {}>(options?: O): Attribute<"decimal", SimpleTypes<O, number>> {
    return createAttribute("decimal", options, undefined) as never;
  },
  /** RFC 7643 §2.3.4 integer. */
  integer<const O extends PlainOptions = {}>(options?: O): Attribute<"integer", SimpleTypes<O, number>> {
    return createAttribute("integer", options, undefined) as never;
  },
  /** RFC 7643 §2.3.5 dateTime (an xsd:dateTime string, e.g. `2008-01-23T04:56:22Z`). */
  dateTime<const O extends PlainOptions = {}>(options?: O): Attribute<"dateTime", SimpleTypes<O, string>> {
    return createAttribute("dateTime", options, undefined) as never;
  },
  /** RFC 7643 §2.3.6 binary (base64). */
  binary<const O extends PlainOptions = {}>(options?: O): Attribute<"binary", SimpleTypes<O, string>> {
    return createAttribute("binary", options, undefined) as never;
  },
  /** RFC 7643 §2.3.7 reference (a URI); `referenceTypes` names what it may point to. */
  reference<const O extends StringOptions = {}>(options?: O): Attribute<"reference", SimpleTypes<O, Canonical<O>>> {
    return createAttribute("reference", options, undefined) as never;
  },
  /** RFC 7643 §2.3.8 complex: simple sub-attributes only (a complex sub-attribute does not compile). */
  complex<const S extends SubAttributes, const O extends AttributeOptions = {}>(
    subAttributes: S,
    options?: O,
  ): Attribute<"complex", ComplexTypes<S, O>> {
    return createAttribute("complex", options, subAttributes) as never;
  },
};
