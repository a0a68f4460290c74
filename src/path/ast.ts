// The typed syntax tree of RFC 7644 §3.4.2.2 (figure 1) filters and §3.5.2 PATCH paths.
// Every node carries the source offsets of the text it was parsed from, so that errors raised
// later (by the evaluator or the PATCH applier) can point at the exact place in the request.

/** Half-open range `[start, end)` of UTF-16 offsets into the parsed text. */
export interface SourceSpan {
  readonly start: number;
  readonly end: number;
}

/**
 * `attrPath = [URI ":"] ATTRNAME *1subAttr`. `urn` is everything before the last colon of the
 * path, as written (e.g. `urn:ietf:params:scim:schemas:extension:enterprise:2.0:User`).
 */
export interface AttrPath extends SourceSpan {
  readonly urn?: string;
  readonly name: string;
  readonly sub?: string;
}

/** RFC 7644 §3.4.2.2 `compareOp` (lower-cased; the operator is case-insensitive on input). */
export type CompareOp = "eq" | "ne" | "co" | "sw" | "ew" | "gt" | "ge" | "lt" | "le";

/** `compValue = false / null / true / number / string` (JSON literals). */
export type CompValue = string | number | boolean | null;

/** `attrPath SP "pr"` */
export interface PresentExp extends SourceSpan {
  readonly kind: "pr";
  readonly attrPath: AttrPath;
}

/** `attrPath SP compareOp SP compValue` */
export interface CompareExp extends SourceSpan {
  readonly kind: "compare";
  readonly attrPath: AttrPath;
  readonly op: CompareOp;
  readonly compValue: CompValue;
}

/** `attrExp` of the ABNF. */
export type AttrExp = PresentExp | CompareExp;

/**
 * `logExp`: operands joined by one operator. A run `a or b or c` is one node with three
 * `filters` (flat, so thousands of `or`s do not make a deep tree); a parenthesised group stays
 * a separate node, so `(a or b) or c` keeps its shape. Always at least two filters.
 */
export interface LogExp extends SourceSpan {
  readonly kind: "and" | "or";
  readonly filters: readonly Filter[];
}

/** `"not" "(" FILTER ")"`: `not` is only allowed before a parenthesised group. */
export interface NotExp extends SourceSpan {
  readonly kind: "not";
  readonly filter: Filter;
}

/**
 * `valuePath = attrPath "[" valFilter "]"`: all conditions of `valFilter` apply to the same
 * element of the multi-valued attribute; names inside resolve against its sub-attributes.
 */
export interface ValuePathExp extends SourceSpan {
  readonly kind: "valuePath";
  readonly attrPath: AttrPath;
  readonly valFilter: Filter;
}

/** RFC 7644 §3.4.2.2 `FILTER`. */
export type Filter = AttrExp | LogExp | NotExp | ValuePathExp;

/**
 * RFC 7644 §3.5.2 `PATH = attrPath / valuePath [subAttr]`: `attr`, `attr.sub`, `urn:…:attr`,
 * `attr[filter]` and `attr[filter].sub`.
 */
export interface PatchPathAst extends SourceSpan {
  readonly attrPath: AttrPath;
  /** the filter between `[` and `]` */
  readonly valueFilter?: Filter;
  /** the sub-attribute after `]` */
  readonly subAttr?: string;
}

/** Every compare operator, in the RFC's order. */
export const COMPARE_OPS: readonly CompareOp[] = ["eq", "ne", "co", "sw", "ew", "gt", "ge", "lt", "le"];
