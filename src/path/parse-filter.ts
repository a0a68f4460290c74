// Recursive-descent parser for RFC 7644 §3.4.2.2 figure 1, with the RFC 7644 errata verdicts
// of errata.md: nested valuePaths rejected (4690), parentheses / and / or / not inside `[...]`
// accepted (7322), `not(` and `not (` both accepted (7319), and `eq"x"` without the space
// accepted unless strict (§3.5.2.2 example 4).
//
// Precedence (§3.4.2.2): grouping, then attribute operators, then not > and > or. Each
// recursion level consumes at least one `(`, `not (` or `[`, and the depth is bounded, so stack
// use is bounded; runs of and/or are loops, not recursion.

import { ScimError, type ScimType } from "../errors.js";
import type { AttrPath, CompValue, CompareOp, Filter, LogExp } from "./ast.js";
import { Scanner, isAlpha, isNameChar } from "./lexer.js";
import { DEFAULT_MAX_FILTER_DEPTH, DEFAULT_MAX_FILTER_LENGTH, type FilterOptions } from "./limits.js";

const CH_LPAREN = 40;
const CH_RPAREN = 41;
const CH_DOT = 46;
const CH_COLON = 58;
const CH_LBRACKET = 91;
const CH_RBRACKET = 93;
const CH_QUOTE = 34;
const CH_MINUS = 45;
const CH_DOLLAR = 36;

const OPERATOR_LIST = "eq, ne, co, sw, ew, gt, ge, lt, le or pr";

/** The operator spelled by the two characters at `p` (any case), without allocating. */
function operatorAt(text: string, p: number): CompareOp | "pr" | undefined {
  const a = text.charCodeAt(p) | 32;
  const b = text.charCodeAt(p + 1) | 32;
  switch (a) {
    case 101: // e
      return b === 113 ? "eq" : b === 119 ? "ew" : undefined;
    case 110: // n
      return b === 101 ? "ne" : undefined;
    case 99: // c
      return b === 111 ? "co" : undefined;
    case 115: // s
      return b === 119 ? "sw" : undefined;
    case 103: // g
      return b === 116 ? "gt" : b === 101 ? "ge" : undefined;
    case 108: // l
      return b === 116 ? "lt" : b === 101 ? "le" : undefined;
    case 112: // p
      return b === 114 ? "pr" : undefined;
    default:
      return undefined;
  }
}

const RESERVED_NAMES = new Set(["constructor", "prototype", "__proto__"]);

/**
 * The parser state shared by `parseFilter` and `parsePath`. Internal: the public entry points
 * are the functions below and in parse-path.ts.
 */
export class FilterParser extends Scanner {
  private depth = 0;
  private readonly maxDepth: number;

  constructor(text: string, options: FilterOptions) {
    super(text, options.strict === true);
    this.maxDepth = options.maxDepth ?? DEFAULT_MAX_FILTER_DEPTH;
  }

  private enter(offset: number): void {
    if (++this.depth > this.maxDepth) {
      this.fail("invalidFilter", offset, `nested deeper than ${this.maxDepth} levels of '(', 'not (' and '['`, false);
    }
  }

  /** `FILTER` (or `valFilter` when `inBrackets`): an or-run of and-runs. */
  parseOr(inBrackets: boolean): Filter {
    this.skipWs();
    const start = this.pos;
    const first = this.parseAnd(inBrackets);
    if (!this.continuesWith("or")) return first;
    const filters: Filter[] = [first];
    do filters.push(this.parseAnd(inBrackets));
    while (this.continuesWith("or"));
    const node: LogExp = { kind: "or", filters, start, end: this.pos };
    return node;
  }

  private parseAnd(inBrackets: boolean): Filter {
    const start = this.pos;
    const first = this.parseUnary(inBrackets);
    if (!this.continuesWith("and")) return first;
    const filters: Filter[] = [first];
    do filters.push(this.parseUnary(inBrackets));
    while (this.continuesWith("and"));
    const node: LogExp = { kind: "and", filters, start, end: this.pos };
    return node;
  }

  /**
   * Consumes `SP keyword SP` when it comes next, leaving the cursor on the next operand;
   * otherwise leaves the cursor where it was.
   */
  private continuesWith(keyword: "and" | "or"): boolean {
    const save = this.pos;
    const spaceBefore = this.skipWs();
    if (!this.lookingAtKeyword(keyword)) {
      this.pos = save;
      return false;
    }
    if (!spaceBefore && this.strict) this.fail("invalidFilter", this.pos, `expected a space before '${keyword}'`, false);
    const at = this.pos;
    this.pos += keyword.length;
    if (!this.skipWs() && this.strict) this.fail("invalidFilter", this.pos, `expected a space after '${keyword}'`);
    if (this.atEnd()) this.fail("invalidFilter", at, `expected a filter after '${keyword}'`, false);
    return true;
  }

  private parseUnary(inBrackets: boolean): Filter {
    const start = this.pos;
    const c = this.peek();
    if (c === CH_LPAREN) {
      this.pos++;
      return this.parseGroup(inBrackets, start);
    }
    if (this.lookingAtKeyword("not")) {
      this.pos += 3;
      this.skipWs();
      if (this.peek() === CH_LPAREN) {
        this.pos++;
        const filter = this.parseGroup(inBrackets, start);
        return { kind: "not", filter, start, end: this.pos };
      }
      // An attribute may be called "not": `not eq "x"`, `not pr`, `not[...]`.
      const next = this.peek();
      const op = operatorAt(this.text, this.pos);
      const isOperator = op !== undefined && !isNameChar(this.text.charCodeAt(this.pos + 2));
      if (!(next === CH_LBRACKET && this.pos === start + 3) && !(isOperator && this.pos > start + 3)) {
        this.fail("invalidFilter", start, "'not' must be followed by a parenthesised filter: not (…)");
      }
      this.pos = start;
    }
    return this.parseAttrExp(inBrackets);
  }

  /** After an opening `(` at `open`: the filter and its `)`. */
  private parseGroup(inBrackets: boolean, open: number): Filter {
    this.enter(open);
    const inner = this.parseOr(inBrackets);
    this.skipWs();
    if (this.peek() !== CH_RPAREN) {
      this.fail("invalidFilter", this.pos, `expected 'and', 'or' or the ')' closing the '(' at offset ${open}`);
    }
    this.pos++;
    this.depth--;
    return inner;
  }

  /** `attrExp` or `valuePath`. */
  private parseAttrExp(inBrackets: boolean): Filter {
    const start = this.pos;
    if (this.atEnd()) this.fail("invalidFilter", start, "expected an attribute path, '(' or 'not ('");
    const attrPath = this.parseAttrPath("invalidFilter");
    if (this.peek() === CH_LBRACKET) {
      if (inBrackets) {
        this.fail("invalidFilter", this.pos, "a value filter '[…]' cannot contain another one (RFC 7644 errata 4690)", false);
      }
      const valFilter = this.parseBracket(attrPath, "invalidFilter");
      if (this.peek() === CH_DOT) {
        this.fail("invalidFilter", this.pos, "a sub-attribute after ']' is allowed in a PATCH path, not in a filter");
      }
      return { kind: "valuePath", attrPath, valFilter, start, end: this.pos };
    }
    const pathText = this.text.slice(start, attrPath.end);
    this.skipWs();
    const opStart = this.pos;
    const opEnd = this.scanNameWord();
    if (opEnd === opStart) {
      this.fail("invalidFilter", opStart, `expected an operator (${OPERATOR_LIST}) after '${pathText}'`);
    }
    const op = opEnd - opStart === 2 ? operatorAt(this.text, opStart) : undefined;
    if (op === undefined) {
      this.fail("invalidFilter", opStart, `unknown operator '${this.text.slice(opStart, opEnd)}' after '${pathText}'; expected ${OPERATOR_LIST}`, false);
    }
    if (op === "pr") return { kind: "pr", attrPath, start, end: opEnd };
    const spaced = this.skipWs();
    if (!spaced && this.strict && !this.atEnd()) {
      this.fail("invalidFilter", this.pos, `expected a space after '${this.text.slice(opStart, opEnd)}'`);
    }
    const compValue = this.parseCompValue(this.text.slice(opStart, opEnd));
    return { kind: "compare", attrPath, op, compValue, start, end: this.pos };
  }

  /** `compValue = false / null / true / number / string` */
  private parseCompValue(opText: string): CompValue {
    const start = this.pos;
    const c = this.peek();
    if (c === CH_QUOTE) return this.scanString("invalidFilter");
    if (c === CH_MINUS || (c >= 48 && c <= 57)) return this.scanNumber("invalidFilter");
    const expected = `expected a value after '${opText}' (a JSON string, number, true, false or null)`;
    if (!isAlpha(c)) this.fail("invalidFilter", start, expected);
    const end = this.scanPathWord();
    const word = this.text.slice(start, end);
    if (word === "true") return true;
    if (word === "false") return false;
    if (word === "null") return null;
    if (!this.strict) {
      // Some clients capitalise literals (`True`); accepted as DESIGN §4 accepts "True".
      const lower = word.toLowerCase();
      if (lower === "true") return true;
      if (lower === "false") return false;
      if (lower === "null") return null;
    }
    return this.fail("invalidFilter", start, `${expected}; unquoted text such as '${word}' must be in double quotes`, false);
  }

  /**
   * After an attribute path, at `[`: the value filter and its `]`. Errors inside, including a
   * missing `]`, are `invalidFilter`: the bracketed text is a filter.
   */
  parseBracket(attrPath: AttrPath, pathError: ScimType): Filter {
    const open = this.pos;
    if (attrPath.sub !== undefined) {
      this.fail(pathError, open, `a value filter '[…]' follows an attribute, not the sub-attribute '${attrPath.sub}'`, false);
    }
    this.enter(open);
    this.pos++;
    const valFilter = this.parseOr(true);
    this.skipWs();
    if (this.peek() !== CH_RBRACKET) {
      this.fail("invalidFilter", this.pos, `expected 'and', 'or' or the ']' closing the '[' at offset ${open}`);
    }
    this.pos++;
    this.depth--;
    return valFilter;
  }

  /** `attrPath = [URI ":"] ATTRNAME *1subAttr`, as one word split at its last colon. */
  parseAttrPath(scimType: ScimType): AttrPath {
    const text = this.text;
    const start = this.pos;
    const end = this.scanPathWord();
    if (end === start) this.fail(scimType, start, "expected an attribute path");
    let nameStart = start;
    let urn: string | undefined;
    for (let i = end - 1; i >= start; i--) {
      if (text.charCodeAt(i) === CH_COLON) {
        if (i === start || !isAlpha(text.charCodeAt(start))) {
          this.fail(scimType, start, "expected a schema URI (such as urn:ietf:params:scim:schemas:core:2.0:User) before ':'");
        }
        urn = text.slice(start, i);
        nameStart = i + 1;
        break;
      }
    }
    let dot = -1;
    for (let i = nameStart; i < end; i++) {
      if (text.charCodeAt(i) === CH_DOT) {
        dot = i;
        break;
      }
    }
    const nameEnd = dot < 0 ? end : dot;
    const name = this.attrName(nameStart, nameEnd, scimType, urn === undefined ? "" : `after the schema URI '${urn}:'`);
    let sub: string | undefined;
    if (dot >= 0) {
      for (let i = dot + 1; i < end; i++) {
        if (text.charCodeAt(i) === CH_DOT) {
          if (i === dot + 1) this.fail(scimType, i, "expected a sub-attribute name between the dots");
          this.fail(scimType, i, `a sub-attribute has no sub-attributes ('${text.slice(nameStart, i)}' is already a sub-attribute)`);
        }
      }
      sub = this.attrName(dot + 1, end, scimType, `after '${name}.'`);
    }
    if (urn !== undefined && sub !== undefined) return { urn, name, sub, start, end };
    if (urn !== undefined) return { urn, name, start, end };
    if (sub !== undefined) return { name, sub, start, end };
    return { name, start, end };
  }

  /** Validates `ATTRNAME` (or `$ref`) at `[from, to)`. */
  attrName(from: number, to: number, scimType: ScimType, where: string): string {
    const suffix = where === "" ? "" : ` ${where}`;
    if (from === to) this.fail(scimType, from, `expected an attribute name${suffix}`);
    const name = this.text.slice(from, to);
    const first = this.text.charCodeAt(from);
    if (first === CH_DOLLAR) {
      if (name.toLowerCase() !== "$ref") this.fail(scimType, from, `'${name}' is not an attribute name ('$' may only start '$ref')`, false);
      return name;
    }
    if (!isAlpha(first)) {
      this.fail(scimType, from, `attribute name '${name}' must start with a letter (RFC 7644 ATTRNAME)`, false);
    }
    if (RESERVED_NAMES.has(name.toLowerCase())) this.fail(scimType, from, `'${name}' is a reserved name`, false);
    return name;
  }
}

/** Runs a parse and turns a stack overflow (possible only with a huge `maxDepth`) into a 400. */
export function guardStack<T>(scimType: ScimType, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof RangeError) {
      throw new ScimError(400, scimType, `${scimType === "invalidPath" ? "Path" : "Filter"} is nested too deeply to process`);
    }
    throw error;
  }
}

/** Rejects non-strings and over-long text before any scanning. */
export function checkText(text: unknown, options: FilterOptions, scimType: ScimType, what: string): asserts text is string {
  if (typeof text !== "string") throw new ScimError(400, scimType, `${what} must be a string`);
  const maxLength = options.maxLength ?? DEFAULT_MAX_FILTER_LENGTH;
  if (text.length > maxLength) {
    throw new ScimError(400, scimType, `${what} is ${text.length} characters long; the limit is ${maxLength}`);
  }
}

/**
 * Parses an RFC 7644 §3.4.2.2 filter into its syntax tree.
 *
 * @throws ScimError 400 `invalidFilter`, whose `detail` gives the offset of the problem.
 * @example
 * ```ts
 * parseFilter('userName eq "bjensen" and emails[type eq "work"]');
 * ```
 */
export function parseFilter(text: string, options: FilterOptions = {}): Filter {
  checkText(text, options, "invalidFilter", "Filter");
  return guardStack("invalidFilter", () => {
    const parser = new FilterParser(text, options);
    parser.skipWs();
    if (parser.atEnd()) parser.fail("invalidFilter", parser.pos, "the filter is empty", false);
    const filter = parser.parseOr(false);
    parser.skipWs();
    if (!parser.atEnd()) {
      const c = parser.peek();
      const message =
        c === CH_RPAREN
          ? "unbalanced ')'"
          : c === CH_RBRACKET
            ? "unbalanced ']'"
            : "expected 'and', 'or' or the end of the filter";
      parser.fail("invalidFilter", parser.pos, message);
    }
    return filter;
  });
}
