// The typed syntax tree of RFC 7644 §3.4.2.2 (figure 1) filters and §3.5.2 PATCH paths.
// Every node carries the source offsets of the text it was parsed from, so that errors raised
// later (by the evaluator or the PATCH applier) can point at the exact place in the request.

/**
 * Half-open range `[start, end)` of UTF-16 offsets into the parsed text.
 *
 * @example
 * ```ts
 * const { start, end } = parseFilter('userName eq "bjensen"'); // 0, 21
 * ```
 */
export interface SourceSpan {
  readonly start: number;
  readonly end: number;
}

/**
 * `attrPath = [URI ":"] ATTRNAME *1subAttr`. `urn` is everything before the last colon of the
 * path, as written (e.g. `urn:ietf:params:scim:schemas:extension:enterprise:2.0:User`).
 *
 * @example
 * ```ts
 * const p: AttrPath = parseAttrPath("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value");
 * // { urn: "urn:…:enterprise:2.0:User", name: "manager", sub: "value", start: 0, end: … }
 * ```
 */
export interface AttrPath extends SourceSpan {
  readonly urn?: string;
  readonly name: string;
  readonly sub?: string;
}

/**
 * RFC 7644 §3.4.2.2 `compareOp` (lower-cased; the operator is case-insensitive on input).
 *
 * @example
 * ```ts
 * const ops: CompareOp[] = ["eq", "sw", "gt"];
 * ```
 */
export type CompareOp = "eq" | "ne" | "co" | "sw" | "ew" | "gt" | "ge" | "lt" | "le";

/**
 * `compValue = false / null / true / number / string` (JSON literals).
 *
 * @example
 * ```ts
 * const v: CompValue = (parseFilter("active eq true") as CompareExp).compValue; // true
 * ```
 */
export type CompValue = string | number | boolean | null;

/**
 * `attrPath SP "pr"`
 *
 * @example
 * ```ts
 * const e = parseFilter("title pr") as PresentExp;
 * e.attrPath.name; // "title"
 * ```
 */
export interface PresentExp extends SourceSpan {
  readonly kind: "pr";
  readonly attrPath: AttrPath;
}

/**
 * `attrPath SP compareOp SP compValue`
 *
 * @example
 * ```ts
 * const e = parseFilter("meta.lastModified gt \"2011-05-13T04:42:34Z\"") as CompareExp;
 * e.op; // "gt"
 * ```
 */
export interface CompareExp extends SourceSpan {
  readonly kind: "compare";
  readonly attrPath: AttrPath;
  readonly op: CompareOp;
  readonly compValue: CompValue;
}

/**
 * `attrExp` of the ABNF.
 *
 * @example
 * ```ts
 * const e = parseFilter("title pr") as AttrExp; // { kind: "pr", attrPath: { name: "title" }, … }
 * ```
 */
export type AttrExp = PresentExp | CompareExp;

/**
 * `logExp`: operands joined by one operator. A run `a or b or c` is one node with three
 * `filters` (flat, so thousands of `or`s do not make a deep tree); a parenthesised group stays
 * a separate node, so `(a or b) or c` keeps its shape. Always at least two filters.
 *
 * @example
 * ```ts
 * const e = parseFilter('title pr or userType eq "Employee" or active eq true') as LogExp;
 * e.filters.length; // 3: one flat node
 * ```
 */
export interface LogExp extends SourceSpan {
  readonly kind: "and" | "or";
  readonly filters: readonly Filter[];
}

/**
 * `"not" "(" FILTER ")"`: `not` is only allowed before a parenthesised group.
 *
 * @example
 * ```ts
 * const e = parseFilter('not (userType eq "Intern")') as NotExp;
 * e.filter.kind; // "compare"
 * ```
 */
export interface NotExp extends SourceSpan {
  readonly kind: "not";
  readonly filter: Filter;
}

/**
 * `valuePath = attrPath "[" valFilter "]"`: all conditions of `valFilter` apply to the same
 * element of the multi-valued attribute; names inside resolve against its sub-attributes.
 *
 * @example
 * ```ts
 * const e = parseFilter('emails[type eq "work" and value co "@example.com"]') as ValuePathExp;
 * e.valFilter.kind; // "and"
 * ```
 */
export interface ValuePathExp extends SourceSpan {
  readonly kind: "valuePath";
  readonly attrPath: AttrPath;
  readonly valFilter: Filter;
}

/**
 * RFC 7644 §3.4.2.2 `FILTER`.
 *
 * @example
 * ```ts
 * const filter: Filter = parseFilter('userName eq "bjensen"');
 * if (filter.kind === "compare") console.log(filter.attrPath.name, filter.op, filter.compValue);
 * ```
 */
export type Filter = AttrExp | LogExp | NotExp | ValuePathExp;

/**
 * RFC 7644 §3.5.2 `PATH = attrPath / valuePath [subAttr]`: `attr`, `attr.sub`, `urn:…:attr`,
 * `attr[filter]` and `attr[filter].sub`.
 *
 * @example
 * ```ts
 * const p: PatchPathAst = parsePath('members[value eq "2819c223"].display');
 * ```
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
