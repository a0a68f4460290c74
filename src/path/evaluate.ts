// Schema-aware filter evaluation (RFC 7644 §3.4.2.2). A filter is compiled once into nested
// closures: attribute names are resolved, constants converted (lower-cased, parsed as
// instants) and type errors raised at compile time, so the per-resource work is property
// reads and comparisons.

import { ScimError } from "../errors.js";
import type { Attribute } from "../schema/attribute.js";
import type { ResolvedAttribute, ResourceIndex } from "../schema/schema-index.js";
import { equalsIgnoringCase, getMember, isNonEmpty } from "./access.js";
import type { AttrPath, CompareExp, CompareOp, Filter, SourceSpan } from "./ast.js";
import { syntaxError } from "./lexer.js";
import { DEFAULT_MAX_FILTER_DEPTH, type FilterOptions } from "./limits.js";
import { guardStack, parseFilter } from "./parse-filter.js";
import { printAttrPath } from "./print.js";

/** A compiled test of one value (a resource, an element, or a leaf value). */
type Test = (value: unknown) => boolean;

/** Where attribute names of a filter resolve: the resource type, or one element of `parent`. */
type Scope = { readonly kind: "resource" } | { readonly kind: "element"; readonly parent: ResolvedAttribute };

const RESOURCE_SCOPE: Scope = { kind: "resource" };

/** A resolved attribute path: the member names to walk and the attribute that types the leaf. */
interface Target {
  readonly keys: readonly string[];
  readonly attribute: Attribute;
  readonly path: string;
}

const ORDERING: ReadonlySet<CompareOp> = new Set(["gt", "ge", "lt", "le"]);
const SUBSTRING: ReadonlySet<CompareOp> = new Set(["co", "sw", "ew"]);

/** Walks `key` from a node: any-match over arrays (RFC 7644 §3.4.2.2 multi-valued). */
function step(key: string, next: Test): Test {
  const lower = key.toLowerCase();
  return (node) => {
    const value = getMember(node, key, lower);
    if (value === undefined || value === null) return false;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) if (next(value[i])) return true;
      return false;
    }
    return next(value);
  };
}

function walk(keys: readonly string[], leaf: Test): Test {
  let test = leaf;
  for (let i = keys.length - 1; i >= 0; i--) test = step(keys[i] as string, test);
  return test;
}

function allOf(tests: Test[]): Test {
  if (tests.length === 2) {
    const [a, b] = tests as [Test, Test];
    return (v) => a(v) && b(v);
  }
  return (v) => {
    for (let i = 0; i < tests.length; i++) if (!(tests[i] as Test)(v)) return false;
    return true;
  };
}

function anyOf(tests: Test[]): Test {
  if (tests.length === 2) {
    const [a, b] = tests as [Test, Test];
    return (v) => a(v) || b(v);
  }
  return (v) => {
    for (let i = 0; i < tests.length; i++) if ((tests[i] as Test)(v)) return true;
    return false;
  };
}

function orderTest(op: CompareOp, compare: (value: unknown) => number): Test {
  // `compare` returns NaN when the value is not comparable, and every test below is false for NaN.
  switch (op) {
    case "gt":
      return (v) => compare(v) > 0;
    case "ge":
      return (v) => compare(v) >= 0;
    case "lt":
      return (v) => compare(v) < 0;
    case "le":
      return (v) => compare(v) <= 0;
    case "eq":
      return (v) => compare(v) === 0;
    default:
      return (v) => {
        const c = compare(v);
        return c === c && c !== 0;
      };
  }
}

function instantOf(value: unknown): number {
  if (typeof value === "string") return Date.parse(value);
  if (value instanceof Date) return value.getTime();
  return Number.NaN;
}

class Compiler {
  private readonly maxDepth: number;

  constructor(
    private readonly index: ResourceIndex,
    private readonly text: string | undefined,
    private readonly options: FilterOptions,
  ) {
    // Parsed trees are at most a few nodes deep per nesting level; a hand-built tree deeper
    // than that is refused rather than risking the stack.
    this.maxDepth = 4 * (options.maxDepth ?? DEFAULT_MAX_FILTER_DEPTH) + 4;
  }

  fail(at: SourceSpan | undefined, message: string): never {
    const offset = at?.start ?? 0;
    if (this.text !== undefined) throw syntaxError("invalidFilter", this.text, offset, message, false);
    throw new ScimError(400, "invalidFilter", `Invalid filter: at offset ${offset}: ${message}`);
  }

  compile(node: Filter, scope: Scope, depth: number): Test {
    if (depth > this.maxDepth) this.fail(node, `nested deeper than ${this.maxDepth} levels`);
    if (typeof node !== "object" || node === null) this.fail(undefined, "not a filter syntax tree");
    switch (node.kind) {
      case "and":
      case "or": {
        if (!Array.isArray(node.filters) || node.filters.length === 0) this.fail(node, `'${node.kind}' without operands`);
        const tests = node.filters.map((f) => this.compile(f, scope, depth + 1));
        if (tests.length === 1) return tests[0] as Test;
        return node.kind === "and" ? allOf(tests) : anyOf(tests);
      }
      case "not": {
        const inner = this.compile(node.filter, scope, depth + 1);
        return (v) => !inner(v);
      }
      case "pr": {
        const target = this.resolve(node.attrPath, scope, false);
        return walk(target.keys, isNonEmpty);
      }
      case "compare":
        return this.compare(node, scope);
      case "valuePath": {
        if (scope.kind === "element") this.fail(node, "a value filter '[…]' cannot contain another one (RFC 7644 errata 4690)");
        const parent = this.resolveResource(node.attrPath);
        if (parent.attribute.type !== "complex" && !parent.attribute.multiValued) {
          this.fail(node.attrPath, `'${parent.path}' is a single value; '[…]' filters the values of a multi-valued or complex attribute`);
        }
        const element = this.compile(node.valFilter, { kind: "element", parent }, depth + 1);
        return walk(this.keysOf(parent), element);
      }
      default:
        return this.fail(node, `unknown filter node kind '${String((node as { kind?: unknown }).kind)}'`);
    }
  }

  private keysOf(resolved: ResolvedAttribute): string[] {
    const keys: string[] = [];
    if (resolved.extension !== undefined) keys.push(resolved.extension);
    if (resolved.parent !== undefined) keys.push(resolved.parent.name);
    keys.push(resolved.name);
    return keys;
  }

  private resolveResource(attrPath: AttrPath): ResolvedAttribute {
    const resolved = this.index.resolve(attrPath.urn, attrPath.name, attrPath.sub);
    if (resolved !== undefined) return resolved;
    const shown = printAttrPath(attrPath);
    if (attrPath.urn !== undefined && attrPath.urn.toLowerCase() !== this.index.coreSchemaId.toLowerCase()) {
      if (!this.index.extensions.has(attrPath.urn.toLowerCase())) {
        this.fail(attrPath, `unknown schema '${attrPath.urn}' in '${shown}' (not a schema of the ${this.index.resourceType} resource type)`);
      }
    }
    return this.fail(attrPath, `unknown attribute '${shown}' (the ${this.index.resourceType} resource type has no such attribute)`);
  }

  /**
   * Resolves `attrPath` in `scope`. For a comparison (`forCompare`), a complex attribute
   * without a sub-attribute stands for its `value` sub-attribute (RFC 7644 §3.4.2.2 examples,
   * `emails co "example.com"`; errata.md defect 6).
   */
  private resolve(attrPath: AttrPath, scope: Scope, forCompare: boolean): Target {
    let keys: string[];
    let resolved: ResolvedAttribute;
    if (scope.kind === "resource") {
      resolved = this.resolveResource(attrPath);
      keys = this.keysOf(resolved);
    } else {
      const parent = scope.parent;
      if (attrPath.urn !== undefined || attrPath.sub !== undefined) {
        this.fail(attrPath, `inside '${parent.path}[…]' name a sub-attribute of '${parent.path}' alone, not '${printAttrPath(attrPath)}'`);
      }
      if (parent.subAttributes === undefined) {
        // The values of a simple multi-valued attribute (`schemas`) are called `value`.
        if (attrPath.name.toLowerCase() !== "value") {
          this.fail(attrPath, `the values of '${parent.path}' are simple; inside '[…]' refer to each one as 'value'`);
        }
        return { keys: [], attribute: parent.attribute, path: parent.path };
      }
      const sub = parent.subAttributes.get(attrPath.name.toLowerCase());
      if (sub === undefined) this.fail(attrPath, `unknown attribute '${attrPath.name}': '${parent.path}' has no such sub-attribute`);
      resolved = sub;
      keys = [sub.name];
    }
    if (forCompare && resolved.attribute.type === "complex") {
      const value = resolved.subAttributes?.get("value");
      if (value === undefined) {
        this.fail(attrPath, `'${resolved.path}' is complex; compare one of its sub-attributes, such as '${resolved.path}.${firstSub(resolved)}'`);
      }
      return { keys: [...keys, value.name], attribute: value.attribute, path: value.path };
    }
    return { keys, attribute: resolved.attribute, path: resolved.path };
  }

  private compare(node: CompareExp, scope: Scope): Test {
    const { op, compValue } = node;
    if (compValue === null) {
      // `eq null` asks for "unassigned" (RFC 7643 §2.5: null is equivalent to unassigned).
      if (op !== "eq" && op !== "ne") this.fail(node, `null can only be compared with 'eq' or 'ne', not '${op}'`);
      const present = walk(this.resolve(node.attrPath, scope, false).keys, isNonEmpty);
      return op === "ne" ? present : (v) => !present(v);
    }
    const target = this.resolve(node.attrPath, scope, true);
    return walk(target.keys, this.leaf(node, target));
  }

  /** The test of one leaf value against the constant, by the attribute's type. */
  private leaf(node: CompareExp, target: Target): Test {
    const { op, compValue } = node;
    const { attribute, path } = target;
    const type = attribute.type;
    const mismatch = (expected: string): never =>
      this.fail(node, `'${path}' is ${type === "integer" ? "an" : "a"} ${type}; compare it with ${expected}, not ${JSON.stringify(compValue)}`);
    switch (type) {
      case "boolean": {
        if (op !== "eq" && op !== "ne") this.fail(node, `'${path}' is a boolean; only 'eq' and 'ne' apply to it, not '${op}'`);
        let constant = compValue;
        if (typeof constant === "string" && this.options.strict !== true) {
          // Lenient like DESIGN §4's "True"/"False" in bodies.
          const lower = constant.toLowerCase();
          if (lower === "true") constant = true;
          else if (lower === "false") constant = false;
        }
        if (typeof constant !== "boolean") return mismatch("true or false");
        return op === "eq" ? (v) => v === constant : (v) => typeof v === "boolean" && v !== constant;
      }
      case "integer":
      case "decimal": {
        if (typeof compValue !== "number") return mismatch("a number");
        if (SUBSTRING.has(op)) this.fail(node, `'${op}' applies to strings; '${path}' is a number`);
        const constant = compValue;
        return orderTest(op, (v) => (typeof v === "number" ? v - constant : Number.NaN));
      }
      case "dateTime": {
        if (typeof compValue !== "string") return mismatch("a dateTime string such as \"2011-05-13T04:42:34Z\"");
        if (SUBSTRING.has(op)) return this.stringLeaf(op, compValue, false);
        const instant = Date.parse(compValue);
        if (Number.isNaN(instant)) this.fail(node, `${JSON.stringify(compValue)} is not a dateTime (RFC 7643 §2.3.5, xsd:dateTime)`);
        return orderTest(op, (v) => instantOf(v) - instant);
      }
      case "binary":
        if (ORDERING.has(op)) this.fail(node, `'${op}' does not apply to '${path}', a binary attribute`);
        if (typeof compValue !== "string") return mismatch("a base64 string");
        return this.stringLeaf(op, compValue, true);
      default:
        if (typeof compValue !== "string") return mismatch("a string in double quotes");
        return this.stringLeaf(op, compValue, attribute.caseExact);
    }
  }

  private stringLeaf(op: CompareOp, constant: string, caseExact: boolean): Test {
    if (caseExact) {
      switch (op) {
        case "eq":
          return (v) => v === constant;
        case "ne":
          return (v) => typeof v === "string" && v !== constant;
        case "co":
          return (v) => typeof v === "string" && v.includes(constant);
        case "sw":
          return (v) => typeof v === "string" && v.startsWith(constant);
        case "ew":
          return (v) => typeof v === "string" && v.endsWith(constant);
        default:
          return orderTest(op, (v) => (typeof v === "string" ? (v < constant ? -1 : v > constant ? 1 : 0) : Number.NaN));
      }
    }
    const lower = constant.toLowerCase();
    switch (op) {
      case "eq": {
        const equals = equalsIgnoringCase(constant);
        return (v) => typeof v === "string" && equals(v);
      }
      case "ne": {
        const equals = equalsIgnoringCase(constant);
        return (v) => typeof v === "string" && !equals(v);
      }
      case "co":
        return (v) => typeof v === "string" && v.toLowerCase().includes(lower);
      case "sw":
        return (v) => typeof v === "string" && v.toLowerCase().startsWith(lower);
      case "ew":
        return (v) => typeof v === "string" && v.toLowerCase().endsWith(lower);
      default:
        return orderTest(op, (v) => {
          if (typeof v !== "string") return Number.NaN;
          const l = v.toLowerCase();
          return l < lower ? -1 : l > lower ? 1 : 0;
        });
    }
  }
}

function firstSub(resolved: ResolvedAttribute): string {
  const first = resolved.subAttributes?.values().next();
  return first !== undefined && first.done !== true ? first.value.name : "value";
}

/**
 * Compiles a filter against a resource type's index into a predicate over resources.
 * Attribute names resolve case-insensitively (core, common, extension attributes and
 * `schemas`); comparisons follow the attribute's type and `caseExact`.
 *
 * @throws ScimError 400 `invalidFilter` for a syntax error, an unknown attribute, or an
 * operator or value that does not fit the attribute's type.
 * @example
 * ```ts
 * const matches = compileFilter(resourceIndex(UserResourceType), 'emails[type eq "work" and value co "@example.com"]');
 * users.filter(matches);
 * ```
 */
export function compileFilter(
  index: ResourceIndex,
  filter: string | Filter,
  options: FilterOptions = {},
): (resource: Readonly<Record<string, unknown>>) => boolean {
  const text = typeof filter === "string" ? filter : undefined;
  const ast = typeof filter === "string" ? parseFilter(filter, options) : filter;
  return guardStack("invalidFilter", () => new Compiler(index, text, options).compile(ast, RESOURCE_SCOPE, 0));
}

/**
 * Compiles the filter of a value path (`emails[type eq "work"]`) into a test of one element of
 * the multi-valued attribute `parent`. Names inside resolve against `parent`'s sub-attributes;
 * for a simple multi-valued attribute (`schemas`), the element itself is called `value`.
 * Compile once per request, then call per element.
 *
 * @throws ScimError 400 `invalidFilter`
 */
export function compileValueFilter(
  index: ResourceIndex,
  parent: ResolvedAttribute,
  filter: Filter,
  options: FilterOptions = {},
): (element: unknown) => boolean {
  if (parent.attribute.type !== "complex" && !parent.attribute.multiValued) {
    throw new ScimError(400, "invalidFilter", `'${parent.path}' is a single value; '[…]' filters the values of a multi-valued or complex attribute`);
  }
  return guardStack("invalidFilter", () => new Compiler(index, undefined, options).compile(filter, { kind: "element", parent }, 0));
}
