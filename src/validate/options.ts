import type { OnViolation } from "../audit.js";

/**
 * Size limits on a body. Exceeding one is a 400, never a crash or a long stall.
 *
 * @example
 * ```ts
 * UserResourceType.parseCreate(body, { maxDepth: 16, maxStringLength: 4096, maxArrayLength: 1000, maxKeys: 200 });
 * ```
 */
export interface ParseLimits {
  /**
   * Deepest nesting of objects and arrays, the body itself being depth 1. SCIM bodies are at
   * most 4 deep (body → extension → multi-valued complex → element; RFC 7643 §2.3.8), and the
   * walk descends only where the schema does, so this guards custom depth budgets only.
   */
  readonly maxDepth: number;
  /** Longest string value, in UTF-16 code units. */
  readonly maxStringLength: number;
  /** Most values in one multi-valued attribute (a Group's `members` can be large). */
  readonly maxArrayLength: number;
  /** Most keys in one object. */
  readonly maxKeys: number;
}

/** The defaults of {@link ParseLimits}. */
export const DEFAULT_LIMITS: ParseLimits = Object.freeze({
  maxDepth: 32,
  maxStringLength: 1_048_576,
  maxArrayLength: 100_000,
  maxKeys: 1_000,
});

/**
 * Options of `parseCreate`, `parseReplace` and `validateValue`.
 *
 * @example
 * ```ts
 * UserResourceType.parseCreate(body, { strict: true, unknownAttributes: "ignore", onViolation: log });
 * ```
 */
export interface ParseOptions {
  /** Reject every lenient form, e.g. booleans sent as `"True"`/`"False"` (DESIGN §4). Default false. */
  readonly strict?: boolean | undefined;
  /**
   * Attributes the schema does not declare, and schema URNs in `schemas` the resource type does
   * not know: `reject` (default) → 400 `invalidValue` naming the path; `ignore` → dropped.
   */
  readonly unknownAttributes?: "reject" | "ignore" | undefined;
  /** Receives every ignored or rejected attempt on a readOnly or immutable attribute. */
  readonly onViolation?: OnViolation | undefined;
  readonly maxDepth?: number | undefined;
  readonly maxStringLength?: number | undefined;
  readonly maxArrayLength?: number | undefined;
  readonly maxKeys?: number | undefined;
}

/**
 * What a readOnly sub-attribute inside a validated value becomes:
 * `ignore`: dropped and reported (POST, PUT); `reject`: 400 `mutability` (PATCH);
 * `keep`: validated and kept (a resource as stored or returned).
 */
export type ReadOnlyHandling = "ignore" | "reject" | "keep";

/** Where a validation runs: names the request in audit events. */
export interface EventContext {
  readonly kind: "create" | "replace" | "patch";
  readonly resourceType: string;
  readonly resourceId: string | undefined;
  readonly operationIndex?: number | undefined;
}

/**
 * The per-call state of a validation, resolved once from the options.
 * @internal
 */
export interface Context {
  readonly strict: boolean;
  readonly rejectUnknown: boolean;
  readonly limits: ParseLimits;
  readonly onViolation: OnViolation | undefined;
  /** `raw` keeps readOnly sub-attribute values unvalidated, for PUT to compare and discard */
  readonly readOnly: ReadOnlyHandling | "raw";
  /** drop writeOnly and `returned: "never"` values: a resource as returned has none */
  readonly dropSecrets: boolean;
  readonly event: EventContext;
}

function limit(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !(value >= 0)) throw new TypeError(`${name} must be a non-negative number`);
  return value;
}

/** @internal */
export function resolveContext(
  options: ParseOptions | undefined,
  readOnly: ReadOnlyHandling | "raw",
  event: EventContext,
  dropSecrets = false,
): Context {
  const o = options ?? {};
  const limits =
    o.maxDepth === undefined && o.maxStringLength === undefined && o.maxArrayLength === undefined && o.maxKeys === undefined
      ? DEFAULT_LIMITS
      : {
          maxDepth: limit(o.maxDepth, DEFAULT_LIMITS.maxDepth, "maxDepth"),
          maxStringLength: limit(o.maxStringLength, DEFAULT_LIMITS.maxStringLength, "maxStringLength"),
          maxArrayLength: limit(o.maxArrayLength, DEFAULT_LIMITS.maxArrayLength, "maxArrayLength"),
          maxKeys: limit(o.maxKeys, DEFAULT_LIMITS.maxKeys, "maxKeys"),
        };
  return {
    strict: o.strict === true,
    rejectUnknown: o.unknownAttributes !== "ignore",
    limits,
    onViolation: o.onViolation,
    readOnly,
    dropSecrets,
    event,
  };
}
