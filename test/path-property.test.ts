// Property tests of the filter and path grammar (fast-check): printer round trips over
// generated trees, and random input that may only ever produce a ScimError.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ScimError } from "../src/errors.js";
import type { AttrPath, CompValue, CompareOp, Filter, PatchPathAst } from "../src/path/ast.js";
import { compileFilter } from "../src/path/evaluate.js";
import { parseFilter } from "../src/path/parse-filter.js";
import { parsePath } from "../src/path/parse-path.js";
import { printFilter, printPath } from "../src/path/print.js";
import { userIndex, users } from "./path-fixtures.js";
import { stripPositions } from "./path-strip.js";

// Generated trees carry no positions: they are compared with parsed ones after stripping the
// positions. Positions are covered by a second property: the printer is canonical (printing a
// parsed canonical text gives the same text), so a re-parse also reproduces every position.

const RESERVED = new Set(["constructor", "prototype"]);
const attrName = fc
  .oneof(fc.stringMatching(/^[A-Za-z][A-Za-z0-9_-]{0,7}$/), fc.constantFrom("$ref", "not", "and", "or", "pr", "eq", "true", "null"))
  .filter((n) => !RESERVED.has(n.toLowerCase()));
const urn = fc.stringMatching(/^urn:[a-z0-9]{1,5}(:[A-Za-z0-9.-]{1,6}){0,3}$/);

const attrPathArb = (withSub: boolean): fc.Arbitrary<AttrPath> =>
  fc
    .record({ urn: fc.option(urn, { nil: undefined }), name: attrName, sub: withSub ? fc.option(attrName, { nil: undefined }) : fc.constant(undefined) })
    .map(({ urn, name, sub }) => {
      const p: { urn?: string; name: string; sub?: string; start: number; end: number } = { name, start: 0, end: 0 };
      if (urn !== undefined) p.urn = urn;
      if (sub !== undefined) p.sub = sub;
      return p;
    });

const compValue: fc.Arbitrary<CompValue> = fc.oneof(
  fc.string({ unit: "binary", maxLength: 12 }),
  fc.string({ maxLength: 6 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
);
const compareOp = fc.constantFrom<CompareOp>("eq", "ne", "co", "sw", "ew", "gt", "ge", "lt", "le");

const attrExp: fc.Arbitrary<Filter> = fc.oneof(
  attrPathArb(true).map((attrPath): Filter => ({ kind: "pr", attrPath, start: 0, end: 0 })),
  fc
    .record({ attrPath: attrPathArb(true), op: compareOp, compValue })
    .map(({ attrPath, op, compValue }): Filter => ({ kind: "compare", attrPath, op, compValue, start: 0, end: 0 })),
);

const { outer, inner } = fc.letrec<{ outer: Filter; inner: Filter }>((tie) => ({
  outer: fc.oneof(
    { maxDepth: 4, depthIdentifier: "filter" },
    attrExp,
    tie("outer").map((filter): Filter => ({ kind: "not", filter, start: 0, end: 0 })),
    fc
      .record({ kind: fc.constantFrom<"and" | "or">("and", "or"), filters: fc.array(tie("outer"), { minLength: 2, maxLength: 4 }) })
      .map(({ kind, filters }): Filter => ({ kind, filters, start: 0, end: 0 })),
    fc
      .record({ attrPath: attrPathArb(false), valFilter: tie("inner") })
      .map(({ attrPath, valFilter }): Filter => ({ kind: "valuePath", attrPath, valFilter, start: 0, end: 0 })),
  ),
  // valFilter: no nested valuePath (RFC 7644 errata 4690)
  inner: fc.oneof(
    { maxDepth: 3, depthIdentifier: "filter" },
    attrExp,
    tie("inner").map((filter): Filter => ({ kind: "not", filter, start: 0, end: 0 })),
    fc
      .record({ kind: fc.constantFrom<"and" | "or">("and", "or"), filters: fc.array(tie("inner"), { minLength: 2, maxLength: 3 }) })
      .map(({ kind, filters }): Filter => ({ kind, filters, start: 0, end: 0 })),
  ),
}));

const pathArb: fc.Arbitrary<PatchPathAst> = fc.oneof(
  attrPathArb(true).map((attrPath): PatchPathAst => ({ attrPath, start: 0, end: 0 })),
  fc
    .record({ attrPath: attrPathArb(false), valueFilter: inner, subAttr: fc.option(attrName, { nil: undefined }) })
    .map(({ attrPath, valueFilter, subAttr }): PatchPathAst =>
      subAttr === undefined ? { attrPath, valueFilter, start: 0, end: 0 } : { attrPath, valueFilter, subAttr, start: 0, end: 0 },
    ),
);

describe("printer round trip (fast-check)", () => {
  it("parseFilter(printFilter(ast)) equals ast, without positions; also in strict mode", () => {
    fc.assert(
      fc.property(outer, (ast) => {
        const text = printFilter(ast);
        expect(stripPositions(parseFilter(text, { maxLength: 1e6 }))).toEqual(stripPositions(ast));
        expect(stripPositions(parseFilter(text, { maxLength: 1e6, strict: true }))).toEqual(stripPositions(ast));
      }),
      { numRuns: 1500 },
    );
  });

  it("the printer is canonical: printing a parse of its output gives the same text and positions", () => {
    fc.assert(
      fc.property(outer, (ast) => {
        const text = printFilter(ast);
        const parsed = parseFilter(text, { maxLength: 1e6 });
        expect(parsed.start).toBe(0);
        expect(parsed.end).toBe(text.length);
        expect(printFilter(parsed)).toBe(text);
        expect(parseFilter(printFilter(parsed), { maxLength: 1e6 })).toEqual(parsed);
      }),
      { numRuns: 500 },
    );
  });

  it("parsePath(printPath(ast)) equals ast, without positions", () => {
    fc.assert(
      fc.property(pathArb, (ast) => {
        const text = printPath(ast);
        const parsed = parsePath(text, { maxLength: 1e6 });
        expect(stripPositions(parsed)).toEqual(stripPositions(ast));
        expect(printPath(parsed)).toBe(text);
      }),
      { numRuns: 1000 },
    );
  });
});

function onlyScimErrors(run: () => unknown): void {
  try {
    run();
  } catch (e) {
    if (!ScimError.is(e)) throw e;
    expect(e.status).toBe(400);
    expect(["invalidFilter", "invalidPath"]).toContain(e.scimType);
    expect(e.detail.length).toBeGreaterThan(0);
  }
}

function exercise(text: string): void {
  onlyScimErrors(() => {
    const ast = parseFilter(text);
    // Whatever parses must print to text that parses to the same tree.
    expect(stripPositions(parseFilter(printFilter(ast), { maxLength: 1e6 }))).toEqual(stripPositions(ast));
    const test = compileFilter(userIndex, ast);
    for (const user of users) expect(typeof test(user)).toBe("boolean");
  });
  onlyScimErrors(() => parseFilter(text, { strict: true }));
  onlyScimErrors(() => {
    const path = parsePath(text);
    expect(stripPositions(parsePath(printPath(path), { maxLength: 1e6 }))).toEqual(stripPositions(path));
  });
  onlyScimErrors(() => parsePath(text, { strict: true }));
}

const TOKENS = [
  "(", ")", "[", "]", ".", ":", '"', "\\", " ", "  ", "\t",
  "and", "or", "not", "AND", "Not", "eq", "ne", "co", "sw", "ew", "gt", "ge", "lt", "le", "pr", "Eq",
  "userName", "emails", "type", "value", "name", "familyName", "title", "active", "meta", "lastModified", "schemas",
  "urn:ietf:params:scim:schemas:core:2.0:User", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
  "manager", "$ref", "1title", '"x"', '"work"', '"a\\"b"', '"\\u00e9"', "1", "-2.5e3", "01", "true", "false", "null", "True",
  "bjensen", "@", ",", "'", "\u0000", "é", "😀",
];

describe("random input only ever produces ScimError (fast-check)", () => {
  it("random strings", () => {
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 60 }), exercise), { numRuns: 2000 });
  });

  it("random strings over the grammar's characters", () => {
    const chars = fc.constantFrom(..."abeqnotrpsw$:._-[]()\" \\0123456789".split(""));
    fc.assert(fc.property(fc.string({ unit: chars, maxLength: 40 }), exercise), { numRuns: 3000 });
  });

  it("token soups", () => {
    const soup = fc.array(fc.tuple(fc.constantFrom(...TOKENS), fc.constantFrom("", " ", " ")), { maxLength: 14 }).map((parts) =>
      parts.map(([t, sep]) => t + sep).join(""),
    );
    fc.assert(fc.property(soup, exercise), { numRuns: 4000 });
  });

  it("mutations of valid filters", () => {
    const mutated = fc
      .tuple(outer, fc.nat(), fc.nat(), fc.constantFrom("", "(", ")", "[", "]", '"', " and ", " not ", ".", ":", "x"))
      .map(([ast, a, b, insert]) => {
        const text = printFilter(ast);
        const i = a % (text.length + 1);
        const j = Math.min(text.length, i + (b % 4));
        return text.slice(0, i) + insert + text.slice(j);
      });
    fc.assert(fc.property(mutated, exercise), { numRuns: 2000 });
  });

  it("hand-built trees that are not filters are refused with ScimError", () => {
    for (const bad of [null, 42, {}, { kind: "and", filters: [] }, { kind: "zzz" }, { kind: "not", filter: null }]) {
      onlyScimErrors(() => compileFilter(userIndex, bad as unknown as Filter));
    }
  });
});
