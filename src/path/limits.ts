/**
 * Bounds on filter and path text. They keep a hostile request from costing more than a
 * bounded amount of time and stack, whatever the rest of the server does with it.
 *
 * @example
 * ```ts
 * parseFilter(text, { maxLength: 1024, maxDepth: 8 });
 * ```
 */
export interface FilterLimits {
  /** longest accepted text, in UTF-16 code units (default 8,192) */
  readonly maxLength?: number;
  /** deepest nesting of `(…)`, `not (…)` and `[…]` (default 64) */
  readonly maxDepth?: number;
}

/**
 * Options of `parseFilter`, `parsePath`, `compileFilter`.
 *
 * @example
 * ```ts
 * parseFilter('value eq"x"', { strict: true }); // throws 400 invalidFilter: strict mode wants the spaces
 * ```
 */
export interface FilterOptions extends FilterLimits {
  /**
   * Reject the lenient forms real clients send: a missing space around an operator
   * (`value eq"x"`, RFC 7644 §3.5.2.2 example 4), `True`/`FALSE`/`NULL` in another case,
   * raw control characters in strings, and string literals compared with booleans.
   */
  readonly strict?: boolean;
}

export const DEFAULT_MAX_FILTER_LENGTH = 8192;
export const DEFAULT_MAX_FILTER_DEPTH = 64;
