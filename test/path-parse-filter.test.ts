import { describe, expect, it } from "vitest";
import { ScimError } from "../src/errors.js";
import type { LogExp } from "../src/path/ast.js";
import { parseFilter } from "../src/path/parse-filter.js";
import { printFilter } from "../src/path/print.js";
import { stripPositions } from "./path-strip.js";
import { catchScimError as error } from "./support/scim-error.js";


function invalidFilter(text: string, options?: Parameters<typeof parseFilter>[1]): ScimError {
  const e = error(() => parseFilter(text, options));
  expect(e.status).toBe(400);
  expect(e.scimType).toBe("invalidFilter");
  return e;
}

// RFC 7644 §3.4.2.2, figure 2 ("Example Filters"), in the RFC's order; the canonical printing
// shows how each was understood.
const RFC_EXAMPLES: [string, string][] = [
  ['userName eq "bjensen"', 'userName eq "bjensen"'],
  ['name.familyName co "O\'Malley"', 'name.familyName co "O\'Malley"'],
  ['userName sw "J"', 'userName sw "J"'],
  ['urn:ietf:params:scim:schemas:core:2.0:User:userName sw "J"', 'urn:ietf:params:scim:schemas:core:2.0:User:userName sw "J"'],
  ["title pr", "title pr"],
  ['meta.lastModified gt "2011-05-13T04:42:34Z"', 'meta.lastModified gt "2011-05-13T04:42:34Z"'],
  ['meta.lastModified ge "2011-05-13T04:42:34Z"', 'meta.lastModified ge "2011-05-13T04:42:34Z"'],
  ['meta.lastModified lt "2011-05-13T04:42:34Z"', 'meta.lastModified lt "2011-05-13T04:42:34Z"'],
  ['meta.lastModified le "2011-05-13T04:42:34Z"', 'meta.lastModified le "2011-05-13T04:42:34Z"'],
  ['title pr and userType eq "Employee"', 'title pr and userType eq "Employee"'],
  ['title pr or userType eq "Intern"', 'title pr or userType eq "Intern"'],
  [
    'schemas eq "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"',
    'schemas eq "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"',
  ],
  [
    'userType eq "Employee" and (emails co "example.com" or emails.value co "example.org")',
    'userType eq "Employee" and (emails co "example.com" or emails.value co "example.org")',
  ],
  [
    'userType ne "Employee" and not (emails co "example.com" or emails.value co "example.org")',
    'userType ne "Employee" and not (emails co "example.com" or emails.value co "example.org")',
  ],
  ['userType eq "Employee" and (emails.type eq "work")', 'userType eq "Employee" and emails.type eq "work"'],
  [
    'userType eq "Employee" and emails[type eq "work" and value co "@example.com"]',
    'userType eq "Employee" and emails[type eq "work" and value co "@example.com"]',
  ],
  [
    'emails[type eq "work" and value co "@example.com"] or ims[type eq "xmpp" and value co "@foo.com"]',
    'emails[type eq "work" and value co "@example.com"] or ims[type eq "xmpp" and value co "@foo.com"]',
  ],
];

describe("RFC 7644 §3.4.2.2 example filters parse", () => {
  for (const [index, [text, canonical]] of RFC_EXAMPLES.entries()) {
    it(`§3.4.2.2 figure 2 example ${index + 1}: ${text}`, () => {
      expect(printFilter(parseFilter(text))).toBe(canonical);
      expect(printFilter(parseFilter(text, { strict: true }))).toBe(canonical);
    });
  }

  it('§3.4.2.2: `userName Eq "john"` and `Username eq "john"` are the same filter (names and operators are case-insensitive)', () => {
    const a = parseFilter('userName Eq "john"');
    const b = parseFilter('Username eq "john"');
    expect(a).toMatchObject({ kind: "compare", op: "eq", compValue: "john" });
    expect(b).toMatchObject({ kind: "compare", op: "eq", compValue: "john" });
  });
});

describe("parseFilter: tree and positions", () => {
  it("gives every node its source span", () => {
    const text = 'userName eq "bjensen" and (emails[type eq "work"] or title pr)';
    const f = parseFilter(text);
    expect(f).toEqual({
      kind: "and",
      start: 0,
      end: text.length,
      filters: [
        { kind: "compare", op: "eq", compValue: "bjensen", start: 0, end: 21, attrPath: { name: "userName", start: 0, end: 8 } },
        {
          kind: "or",
          start: 27,
          end: 61,
          filters: [
            {
              kind: "valuePath",
              start: 27,
              end: 49,
              attrPath: { name: "emails", start: 27, end: 33 },
              valFilter: { kind: "compare", op: "eq", compValue: "work", start: 34, end: 48, attrPath: { name: "type", start: 34, end: 38 } },
            },
            { kind: "pr", start: 53, end: 61, attrPath: { name: "title", start: 53, end: 58 } },
          ],
        },
      ],
    });
  });

  it("splits URN-qualified paths at the last colon", () => {
    const f = parseFilter('urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value eq "x"');
    expect(f).toMatchObject({
      attrPath: { urn: "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User", name: "manager", sub: "value" },
    });
  });

  it("accepts $ref as an attribute name (errata.md defect 6)", () => {
    expect(parseFilter('members[$ref eq "https://x/Users/1"]')).toMatchObject({ valFilter: { attrPath: { name: "$ref" } } });
    expect(parseFilter("manager.$ref pr")).toMatchObject({ attrPath: { name: "manager", sub: "$ref" } });
  });

  it("accepts every operator in any case", () => {
    for (const op of ["eq", "ne", "co", "sw", "ew", "gt", "ge", "lt", "le"]) {
      expect(parseFilter(`a ${op.toUpperCase()} "x"`)).toMatchObject({ kind: "compare", op });
      expect(parseFilter(`a ${op[0]}${op[1]?.toUpperCase()} 1`)).toMatchObject({ kind: "compare", op, compValue: 1 });
    }
    expect(parseFilter("a PR")).toMatchObject({ kind: "pr" });
    expect(parseFilter("a pr AND b pr Or c pr")).toMatchObject({ kind: "or" });
  });

  it("and binds tighter than or; runs are flat", () => {
    const f = parseFilter("a pr or b pr and c pr or d pr");
    expect(printFilter(f)).toBe("a pr or b pr and c pr or d pr");
    expect(stripPositions(f)).toEqual({
      kind: "or",
      filters: [
        { kind: "pr", attrPath: { name: "a" } },
        { kind: "and", filters: [{ kind: "pr", attrPath: { name: "b" } }, { kind: "pr", attrPath: { name: "c" } }] },
        { kind: "pr", attrPath: { name: "d" } },
      ],
    });
    expect(printFilter(parseFilter("(a pr or b pr) and c pr"))).toBe("(a pr or b pr) and c pr");
    expect(printFilter(parseFilter("not (a pr) and not(b pr)"))).toBe("not (a pr) and not (b pr)");
  });

  it("keeps a parenthesised run of the same operator as its own node", () => {
    const f = parseFilter("(a pr or b pr) or c pr") as LogExp;
    expect(f.filters).toHaveLength(2);
    expect(f.filters[0]?.kind).toBe("or");
  });

  it("reads JSON literals: strings with escapes, numbers, true, false, null", () => {
    expect(parseFilter('a eq "q\\"b\\\\s\\/\\b\\f\\n\\r\\t\\u00e9\\uD83D\\uDE00"')).toMatchObject({ compValue: 'q"b\\s/\b\f\n\r\té😀' });
    expect(parseFilter("a eq -12.5e+2")).toMatchObject({ compValue: -1250 });
    expect(parseFilter("a eq 0")).toMatchObject({ compValue: 0 });
    expect(parseFilter("a eq true")).toMatchObject({ compValue: true });
    expect(parseFilter("a eq false")).toMatchObject({ compValue: false });
    expect(parseFilter("a eq null")).toMatchObject({ compValue: null });
  });

  it("errata 7322: parentheses, and/or and not inside [...]", () => {
    const text = 'emails[type eq "work" or (type eq "home" and not (value ew "@example.com"))]';
    expect(printFilter(parseFilter(text))).toBe('emails[type eq "work" or type eq "home" and not (value ew "@example.com")]');
  });

  it("errata 7319: both `not(` and `not (`", () => {
    expect(stripPositions(parseFilter("not(a pr)"))).toEqual(stripPositions(parseFilter("not (a pr)")));
    expect(parseFilter("not  (a pr)", { strict: true })).toMatchObject({ kind: "not" });
  });

  it("an attribute may be called not, and, or", () => {
    expect(parseFilter('not eq "x"')).toMatchObject({ kind: "compare", attrPath: { name: "not" } });
    expect(parseFilter("not pr and and pr or or pr")).toMatchObject({ kind: "or" });
    expect(parseFilter('not[type eq "x"]')).toMatchObject({ kind: "valuePath", attrPath: { name: "not" } });
  });

  it("tolerates whitespace around parentheses and brackets", () => {
    expect(printFilter(parseFilter('  ( a pr )  and emails[ type eq "w" ] '))).toBe('a pr and emails[type eq "w"]');
  });
});

describe("parseFilter: lenient and strict", () => {
  it('accepts `eq"x"` without a space by default (RFC 7644 §3.5.2.2 example 4), rejects it with strict', () => {
    expect(parseFilter('members[value eq"2819c223"]')).toMatchObject({ valFilter: { compValue: "2819c223" } });
    const e = invalidFilter('members[value eq"2819c223"]', { strict: true });
    expect(e.detail).toContain("at offset 16: expected a space after 'eq'");
  });

  it("accepts capitalised literals only when lenient", () => {
    expect(parseFilter("active eq True")).toMatchObject({ compValue: true });
    invalidFilter("active eq True", { strict: true });
  });

  it("rejects raw control characters in strings only with strict", () => {
    expect(parseFilter('a eq "x\ty"')).toMatchObject({ compValue: "x\ty" });
    invalidFilter('a eq "x\ty"', { strict: true });
  });

  it("unquoted values are invalid in every mode", () => {
    for (const strict of [false, true]) {
      const e = invalidFilter("userName eq bjensen", { strict });
      expect(e.detail).toContain("at offset 12");
      expect(e.detail).toContain("'bjensen' must be in double quotes");
    }
  });
});

describe("parseFilter: errors are 400 invalidFilter and quote the position", () => {
  const cases: [string, string][] = [
    ["", "the filter is empty"],
    ["   ", "the filter is empty"],
    ["userName", "at offset 8: expected an operator (eq, ne, co, sw, ew, gt, ge, lt, le or pr) after 'userName', found end of input"],
    ['userName bjensen "x"', "at offset 9: unknown operator 'bjensen' after 'userName'"],
    ['userName xx "x"', "at offset 9: unknown operator 'xx'"],
    ["userName eq", "at offset 11: expected a value after 'eq'"],
    ["userName eq )", "at offset 12: expected a value after 'eq'"],
    ["not title pr", "at offset 0: 'not' must be followed by a parenthesised filter"],
    ["not", "at offset 0: 'not' must be followed by a parenthesised filter"],
    ["(a pr", "at offset 5: expected 'and', 'or' or the ')' closing the '(' at offset 0, found end of input"],
    ["a pr)", "at offset 4: unbalanced ')'"],
    ['emails[type eq "work"', "at offset 21: expected 'and', 'or' or the ']' closing the '[' at offset 6"],
    ['emails type eq "work"]', "at offset 7: unknown operator 'type'"],
    ['a pr]', "at offset 4: unbalanced ']'"],
    ['emails[type eq "work" and ims[type eq "xmpp"]]', "at offset 29: a value filter '[…]' cannot contain another one"],
    ['emails[type eq "work"].value eq "x"', "at offset 22: a sub-attribute after ']' is allowed in a PATCH path"],
    ['a pr b pr', "at offset 5: expected 'and', 'or' or the end of the filter, found 'b pr'"],
    ['a eq "x" "y"', "at offset 9: expected 'and', 'or' or the end"],
    ["a pr and", "at offset 5: expected a filter after 'and'"],
    ["a pr or ", "at offset 5: expected a filter after 'or'"],
    ["and a pr", "at offset 4: unknown operator 'a'"],
    ['a eq "unterminated', "at offset 5: unterminated string literal"],
    ['a eq "bad \\x escape"', "at offset 10: invalid escape"],
    ['a eq "\\u12"', "at offset 6: a \\u escape needs four hexadecimal digits"],
    ["a eq 01", "at offset 5: a JSON number has no leading zeros"],
    ["a eq 1.", "at offset 7: expected a digit after the decimal point"],
    ["a eq -", "at offset 6: expected a digit in number"],
    ["a eq 1e", "at offset 7: expected a digit in the exponent"],
    ["a eq 1e999", "at offset 5: number out of range"],
    ['1title eq "x"', "at offset 0: attribute name '1title' must start with a letter"],
    ['name..familyName eq "x"', "at offset 5: expected a sub-attribute name between the dots"],
    ['name.givenName.first eq "x"', "at offset 14: a sub-attribute has no sub-attributes"],
    ['name. eq "x"', "at offset 5: expected an attribute name after 'name.'"],
    [':userName eq "x"', "at offset 0: expected a schema URI"],
    ['urn:x: eq "x"', "at offset 6: expected an attribute name after the schema URI 'urn:x:'"],
    ['$foo eq "x"', "at offset 0: '$foo' is not an attribute name"],
    ['constructor eq "x"', "at offset 0: 'constructor' is a reserved name"],
    ['emails.value[type eq "x"]', "at offset 12: a value filter '[…]' follows an attribute, not the sub-attribute 'value'"],
    ['"x" eq userName', "at offset 0: expected an attribute path"],
    ["()", "at offset 1: expected an attribute path"],
    ["emails[]", "at offset 7: expected an attribute path"],
    ['a eq "x" and not b pr', "at offset 13: 'not' must be followed by a parenthesised filter"],
  ];
  for (const [text, expected] of cases) {
    it(JSON.stringify(text), () => {
      const e = invalidFilter(text);
      expect(e.detail).toContain(expected);
      expect(e.detail).toMatch(/^Invalid filter '/);
    });
  }

  it("quotes the offending text and keeps the detail on one line", () => {
    const e = invalidFilter('userName eq "x" and\nfoo');
    expect(e.detail).toBe("Invalid filter 'userName eq \"x\" and\\u000afoo': at offset 23: expected an operator (eq, ne, co, sw, ew, gt, ge, lt, le or pr) after 'foo', found end of input");
  });

  it("shortens a long text", () => {
    const e = invalidFilter(`${"a pr and ".repeat(20)}zz`);
    expect(e.detail).toContain("…': at offset 182");
  });

  it("rejects non-strings", () => {
    expect(error(() => parseFilter(42 as unknown as string)).scimType).toBe("invalidFilter");
  });
});

describe("parseFilter: limits", () => {
  it("rejects text longer than maxLength (default 8 KiB)", () => {
    const text = `userName eq "${"x".repeat(8200)}"`;
    expect(invalidFilter(text).detail).toContain("the limit is 8192");
    expect(parseFilter(text, { maxLength: 10_000 })).toMatchObject({ kind: "compare" });
  });

  it("rejects nesting deeper than maxDepth (default 64)", () => {
    const nest = (n: number) => `${"(".repeat(n)}a pr${")".repeat(n)}`;
    expect(parseFilter(nest(64))).toMatchObject({ kind: "pr" });
    expect(invalidFilter(nest(65)).detail).toContain("at offset 64: nested deeper than 64 levels");
    expect(parseFilter(nest(3), { maxDepth: 3 })).toMatchObject({ kind: "pr" });
    invalidFilter(nest(4), { maxDepth: 3 });
    invalidFilter(`${"not (".repeat(65)}a pr${")".repeat(65)}`);
    invalidFilter(`a[${"(".repeat(64)}b pr${")".repeat(64)}]`);
  });
});
