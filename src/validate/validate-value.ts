import { reportViolation } from "../audit.js";
import type { ResolvedAttribute } from "../schema/schema-index.js";
import { type Node, type Scope, compileNode, lookup } from "./compiled.js";
import {
  type Context,
  type EventContext,
  type ParseOptions,
  type ReadOnlyHandling,
  resolveContext,
} from "./options.js";
import { type PathRef, at, pathError } from "./path.js";

const RESERVED = new Set(["__proto__", "constructor", "prototype"]);

const EXPECTED: Readonly<Record<string, string>> = {
  string: "a string (RFC 7643 §2.3.1)",
  boolean: "a boolean (RFC 7643 §2.3.2)",
  decimal: "a finite number (RFC 7643 §2.3.3)",
  integer: "an integer within ±(2^53 − 1) (RFC 7643 §2.3.4)",
  dateTime: "a dateTime string (RFC 7643 §2.3.5)",
  binary: "a base64 string (RFC 7643 §2.3.6)",
  reference: "a URI string (RFC 7643 §2.3.7)",
  complex: "an object (RFC 7643 §2.3.8)",
};

/** @internal */
export function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  if (typeof value === "string") return value.length <= 40 ? `the string ${JSON.stringify(value)}` : "a string";
  if (typeof value === "number" || typeof value === "boolean") return `${typeof value} ${String(value)}`;
  return `a ${typeof value}`;
}

/** True for a JSON object: not null, not an array. @internal */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** RFC 7643 §2.5: null and [] are the same as no value. @internal */
export function isAssigned(value: unknown): boolean {
  return value !== undefined && value !== null && !(Array.isArray(value) && value.length === 0);
}

/**
 * A key that names no attribute: reserved names are a 400 in every mode (they are how
 * prototype pollution arrives); others follow `unknownAttributes`.
 * @internal
 */
export function unknownKey(key: string, ctx: Context, path: PathRef | undefined): void {
  if (RESERVED.has(key.toLowerCase())) {
    throw pathError("invalidSyntax", at(path, key), "is a reserved name and cannot name an attribute (DESIGN §7)");
  }
  if (ctx.rejectUnknown) {
    throw pathError("invalidValue", at(path, key), "is not an attribute of the schema (unknownAttributes: \"reject\")");
  }
}

/**
 * Two keys of one object that name the same attribute in different case (`userName`,
 * `USERNAME`) are ambiguous. Run only when some key was not spelled as the schema spells it,
 * since distinct canonical keys cannot collide.
 * @internal
 */
export function assertNoDuplicates(
  keys: readonly string[],
  resolve: (key: string) => object | undefined,
  path: PathRef | undefined,
): void {
  const seen = new Map<object, string>();
  for (const key of keys) {
    const node = resolve(key);
    if (node === undefined) continue;
    const previous = seen.get(node);
    if (previous !== undefined) {
      throw pathError(
        "invalidValue",
        at(path, key),
        `and '${previous}' name the same attribute (attribute names are case-insensitive, RFC 7643 §2.1)`,
      );
    }
    seen.set(node, key);
  }
}

/** `members[value eq "2819c223"]` for an element with a string `value`, else the attribute path. @internal */
export function elementPath(node: Node, element: unknown): string {
  if (node.valueSub !== undefined && isObject(element)) {
    const value = element[node.valueSub.name];
    if (typeof value === "string") return `${node.resolved.path}[value eq ${JSON.stringify(value)}]`;
  }
  return node.resolved.path;
}

/** Reports one attempt on a readOnly or immutable attribute. @internal */
export function report(
  ctx: Context,
  node: Node,
  path: string,
  stored: unknown,
  attempted: unknown,
  action: "rejected" | "ignored",
  mutability: "readOnly" | "immutable",
): void {
  if (ctx.onViolation === undefined) return;
  const e = ctx.event;
  reportViolation(ctx.onViolation, node.resolved, {
    kind: e.kind,
    resourceType: e.resourceType,
    resourceId: e.resourceId,
    path,
    mutability,
    stored,
    attempted,
    action,
    ...(e.operationIndex !== undefined ? { operationIndex: e.operationIndex } : {}),
  });
}

function validateSimple(node: Node, raw: unknown, ctx: Context, path: PathRef): unknown {
  if (typeof raw === "string" && raw.length > ctx.limits.maxStringLength) {
    throw pathError("invalidValue", path, `is longer than the limit of ${ctx.limits.maxStringLength} characters`);
  }
  const schema = ctx.strict ? node.strictLeaf : node.lenientLeaf;
  const result = schema!.safeParse(raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const typeMatches =
    typeof raw === (node.type === "decimal" || node.type === "integer" ? "number" : node.type === "boolean" ? "boolean" : "string");
  if (typeMatches && issue?.code === "custom") throw pathError("invalidValue", path, issue.message);
  const hint =
    node.type === "boolean" && typeof raw === "string" && ctx.strict && /^(true|false)$/i.test(raw)
      ? ` (a boolean as a string is accepted only without { strict: true })`
      : "";
  throw pathError("invalidValue", path, `must be ${EXPECTED[node.type]}, got ${describe(raw)}${hint}`);
}

/**
 * Validates one key of an object of attributes into `out`, spelled as the schema does;
 * readOnly values are handled per `ctx.readOnly`, secrets dropped when `ctx.dropSecrets`.
 * `container` is the object holding the key (for audit paths of multi-valued elements).
 * Returns true when a value was written.
 * @internal
 */
export function readEntry(
  node: Node,
  raw: unknown,
  out: Record<string, unknown>,
  ctx: Context,
  path: PathRef | undefined,
  depth: number,
  owner: Node | undefined,
  container: Record<string, unknown>,
): boolean {
  if (ctx.dropSecrets && (node.mutability === "writeOnly" || node.returned === "never")) return false;
  if (node.mutability === "readOnly" && ctx.readOnly !== "keep") {
    if (!isAssigned(raw)) return false;
    if (ctx.readOnly === "raw") {
      // Kept unvalidated only to be compared with the stored value, but still within the limits.
      if (Array.isArray(raw) && raw.length > ctx.limits.maxArrayLength) {
        throw pathError("invalidValue", at(path, node.name), `has ${raw.length} values, more than the limit of ${ctx.limits.maxArrayLength}`);
      }
      if (typeof raw === "string" && raw.length > ctx.limits.maxStringLength) {
        throw pathError("invalidValue", at(path, node.name), `is longer than the limit of ${ctx.limits.maxStringLength} characters`);
      }
      out[node.name] = raw;
      return true;
    }
    const where = owner?.multiValued ? `${elementPath(owner, container)}.${node.name}` : node.resolved.path;
    if (ctx.readOnly === "reject") {
      report(ctx, node, where, undefined, raw, "rejected", "readOnly");
      throw pathError("mutability", at(undefined, where), "is readOnly (RFC 7643 §7)");
    }
    report(ctx, node, where, undefined, raw, "ignored", "readOnly");
    return false;
  }
  const value = validateAttribute(node, raw, ctx, at(path, node.name), depth);
  if (value === undefined) return false;
  out[node.name] = value;
  return true;
}

/**
 * Validates an object of attributes (a complex value or an extension object): names matched
 * case-insensitively (RFC 7643 §2.1), unknown names per `unknownAttributes`. `depth` is the
 * nesting depth of the values inside. Returns undefined when nothing is assigned.
 * @internal
 */
export function readObject(
  scope: Scope,
  obj: Record<string, unknown>,
  ctx: Context,
  path: PathRef | undefined,
  depth: number,
  owner: Node | undefined,
): Record<string, unknown> | undefined {
  const keys = Object.keys(obj);
  if (keys.length > ctx.limits.maxKeys) {
    throw pathError("invalidSyntax", path, `has ${keys.length} keys, more than the limit of ${ctx.limits.maxKeys}`);
  }
  const out: Record<string, unknown> = {};
  let assigned = false;
  let respelled = false;
  for (const key of keys) {
    const node = lookup(scope, key);
    if (node === undefined) {
      unknownKey(key, ctx, path);
      continue;
    }
    if (node.name !== key) respelled = true;
    if (readEntry(node, obj[key], out, ctx, path, depth, owner, obj)) assigned = true;
  }
  if (respelled) assertNoDuplicates(keys, (key) => lookup(scope, key), path);
  return assigned ? out : undefined;
}

/** One value of an attribute: the attribute itself when single-valued, one element otherwise. */
function validateSingle(node: Node, raw: unknown, ctx: Context, path: PathRef, depth: number): unknown {
  if (node.subs === undefined) return validateSimple(node, raw, ctx, path);
  if (isObject(raw)) {
    if (depth > ctx.limits.maxDepth) {
      throw pathError("invalidSyntax", path, `nests deeper than the limit of ${ctx.limits.maxDepth}`);
    }
    return readObject(node.subs, raw, ctx, path, depth + 1, node);
  }
  // Entra ID sends `manager: "<id>"` for `manager: { value: "<id>" }` (DESIGN §4, lenient forms).
  const valueSub = node.valueSub;
  if (typeof raw === "string" && !ctx.strict && valueSub !== undefined && !valueSub.multiValued && valueSub.mutability !== "readOnly") {
    return { [valueSub.name]: validateSimple(valueSub, raw, ctx, path) };
  }
  throw pathError("invalidValue", path, `must be ${EXPECTED.complex}, got ${describe(raw)}`);
}

/**
 * Checks, coerces and normalises the value of one attribute; `depth` is the nesting depth of
 * `raw` in the body. Returns undefined for an unassigned value (RFC 7643 §2.5).
 * @internal
 */
export function validateAttribute(node: Node, raw: unknown, ctx: Context, path: PathRef, depth: number): unknown {
  if (raw === undefined || raw === null) return undefined;
  if (!node.multiValued) {
    if (Array.isArray(raw)) {
      throw pathError("invalidValue", path, `is single-valued: expected ${EXPECTED[node.type]}, got an array`);
    }
    return validateSingle(node, raw, ctx, path, depth);
  }
  if (!Array.isArray(raw)) {
    throw pathError("invalidValue", path, `is multi-valued: expected an array, got ${describe(raw)} (RFC 7643 §2.4)`);
  }
  const n = raw.length;
  if (n === 0) return undefined;
  if (n > ctx.limits.maxArrayLength) {
    throw pathError("invalidValue", path, `has ${n} values, more than the limit of ${ctx.limits.maxArrayLength}`);
  }
  if (depth > ctx.limits.maxDepth) {
    throw pathError("invalidSyntax", path, `nests deeper than the limit of ${ctx.limits.maxDepth}`);
  }
  const out: unknown[] = [];
  let primaries = 0;
  const primary = node.primarySub?.name;
  for (let i = 0; i < n; i++) {
    const item: unknown = raw[i];
    if (item === undefined || item === null) {
      throw pathError("invalidValue", at(path, i), `is null: a multi-valued attribute holds values, not nulls`);
    }
    const value = validateSingle(node, item, ctx, at(path, i), depth + 1);
    if (value === undefined) continue;
    if (primary !== undefined && (value as Record<string, unknown>)[primary] === true && ++primaries > 1) {
      throw pathError("invalidValue", path, `has more than one value with "primary": true (RFC 7643 §2.4)`);
    }
    out.push(value);
  }
  return out.length > 0 ? out : undefined;
}

/** Options of {@link validateValue}. */
export interface ValidateValueOptions extends ParseOptions {
  /** Validate one element of a multi-valued attribute instead of the whole array. */
  readonly element?: boolean | undefined;
  /** readOnly sub-attributes inside the value: `ignore` (default), `reject` or `keep`. */
  readonly readOnly?: ReadOnlyHandling | undefined;
  /** The path errors and events name; default: the attribute's path. */
  readonly path?: string | undefined;
  /** Names the request in audit events; default `{ kind: "patch" }` with no resource type or id. */
  readonly event?: EventContext | undefined;
}

const DEFAULT_EVENT: EventContext = { kind: "patch", resourceType: "", resourceId: undefined };

/**
 * Checks, coerces and normalises one value of an attribute (or one element of a multi-valued
 * attribute with `element: true`): types per RFC 7643 §2.3, lenient booleans unless strict,
 * sub-attribute names written as the schema spells them, unknown sub-attributes per
 * `unknownAttributes`, limits, at most one `primary: true`. Returns `undefined` for an
 * unassigned value (`null`, `[]`, or a complex value with nothing assigned; RFC 7643 §2.5).
 * Mutability of the attribute itself is the caller's to decide.
 *
 * @throws ScimError 400 `invalidValue` / `invalidSyntax` naming the path; 400 `mutability`
 * for a readOnly sub-attribute with `readOnly: "reject"`.
 */
export function validateValue(attribute: ResolvedAttribute, value: unknown, options?: ValidateValueOptions): unknown {
  const node = compileNode(attribute);
  const ctx = resolveContext(options, options?.readOnly ?? "ignore", options?.event ?? DEFAULT_EVENT);
  const path = at(undefined, options?.path ?? attribute.path);
  if (options?.element === true && node.multiValued) {
    if (value === undefined || value === null) return undefined;
    return validateSingle(node, value, ctx, path, 1);
  }
  return validateAttribute(node, value, ctx, path, 1);
}
