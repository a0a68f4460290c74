import { describe, expect, it } from "vitest";
import { parseAttrPath, parsePath } from "../src/path/parse-path.js";
import { printPath } from "../src/path/print.js";
import { stripPositions } from "./path-strip.js";
import { catchScimError as error } from "./support/scim-error.js";


describe("RFC 7644 §3.5.2 PATH examples parse", () => {
  it('§3.5.2 example "members"', () => {
    expect(parsePath("members")).toEqual({ attrPath: { name: "members", start: 0, end: 7 }, start: 0, end: 7 });
  });

  it('§3.5.2 example "name.familyName"', () => {
    expect(parsePath("name.familyName")).toEqual({
      attrPath: { name: "name", sub: "familyName", start: 0, end: 15 },
      start: 0,
      end: 15,
    });
  });

  it('§3.5.2 example addresses[type eq "work"]', () => {
    expect(parsePath('addresses[type eq "work"]')).toEqual({
      attrPath: { name: "addresses", start: 0, end: 9 },
      valueFilter: { kind: "compare", op: "eq", compValue: "work", start: 10, end: 24, attrPath: { name: "type", start: 10, end: 14 } },
      start: 0,
      end: 25,
    });
  });

  it('§3.5.2 example members[value eq "2819c223-7f76-453a-919d-413861904646"]', () => {
    const p = parsePath('members[value eq "2819c223-7f76-453a-919d-413861904646"]');
    expect(stripPositions(p)).toEqual({
      attrPath: { name: "members" },
      valueFilter: { kind: "compare", op: "eq", compValue: "2819c223-7f76-453a-919d-413861904646", attrPath: { name: "value" } },
    });
  });

  it('§3.5.2 example members[value eq "2819c223-…"].displayName (errata.md defect 4: Group members has display, not displayName; the grammar accepts it)', () => {
    const text = 'members[value eq "2819c223-7f76-453a-919d-413861904646"].displayName';
    const p = parsePath(text);
    expect(p.subAttr).toBe("displayName");
    expect(p.end).toBe(text.length);
    expect(printPath(p)).toBe(text);
  });

  it("§3.5.2.1–3 example paths", () => {
    for (const text of [
      'emails[type eq "work" and value ew "example.com"]',
      'addresses[type eq "work"].streetAddress',
      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager",
      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value",
      "urn:ietf:params:scim:schemas:core:2.0:User:name.givenName",
      "x509Certificates",
      "members[$ref eq \"https://example.com/v2/Users/1\"].value",
    ]) {
      expect(printPath(parsePath(text, { strict: true }))).toBe(text);
    }
  });

  it('§3.5.2.2 example 4: members[value eq"2819c223-…"] without a space is accepted unless strict (errata.md)', () => {
    const text = 'members[value eq"2819c223-7f76-453a-919d-413861904646"]';
    expect(parsePath(text).valueFilter).toMatchObject({ compValue: "2819c223-7f76-453a-919d-413861904646" });
    const e = error(() => parsePath(text, { strict: true }));
    expect(e.scimType).toBe("invalidFilter");
  });

  it("errata 7322: and/or/parentheses/not inside the brackets", () => {
    const p = parsePath('emails[type eq "work" or (type eq "home" and not (value ew "@example.com"))].display');
    expect(p.valueFilter?.kind).toBe("or");
    expect(p.subAttr).toBe("display");
  });

  it("URN-qualified attribute paths split at the last colon", () => {
    expect(parsePath("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value").attrPath).toEqual({
      urn: "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
      name: "manager",
      sub: "value",
      start: 0,
      end: 72,
    });
  });
});

describe("parsePath errors", () => {
  const structural: [string, string][] = [
    ["1title", "at offset 0: attribute name '1title' must start with a letter"],
    ["name..familyName", "at offset 5: expected a sub-attribute name between the dots"],
    ["name.givenName.first", "at offset 14: a sub-attribute has no sub-attributes"],
    ["", "at offset 0: expected an attribute path, found end of input"],
    [" name", "at offset 0: expected an attribute path"],
    ["name ", "at offset 4: unexpected text after the path"],
    ["name.", "at offset 5: expected an attribute name after 'name.'"],
    ["emails[type pr]x", "at offset 15: unexpected text after the path"],
    ["emails[type pr][value pr]", "at offset 15: a value filter '[…]' may appear once"],
    ["emails[type pr].", "at offset 16: expected an attribute name after '].'"],
    ["emails[type pr].value.x", "at offset 21: a sub-attribute has no sub-attributes"],
    ["emails[type pr].urn:x:y", "at offset 19: the part after ']' is a sub-attribute name"],
    ["emails[type pr].1x", "at offset 16: attribute name '1x' must start with a letter"],
    ["emails.value[type pr]", "at offset 12: a value filter '[…]' follows an attribute"],
    ["prototype", "at offset 0: 'prototype' is a reserved name"],
    ["emails]", "at offset 6: unexpected text after the path"],
  ];
  for (const [text, expected] of structural) {
    it(`${JSON.stringify(text)} is invalidPath`, () => {
      const e = error(() => parsePath(text));
      expect(e.status).toBe(400);
      expect(e.scimType).toBe("invalidPath");
      expect(e.detail).toContain(expected);
      expect(e.detail).toMatch(/^Invalid path '/);
    });
  }

  const filters: [string, string][] = [
    ['emails[type eq work]', "at offset 15: expected a value after 'eq'"],
    ['emails[type eq "work"', "at offset 21: expected 'and', 'or' or the ']' closing the '[' at offset 6"],
    ['emails[type xx "work"]', "at offset 12: unknown operator 'xx'"],
    ["emails[]", "at offset 7: expected an attribute path"],
    ['emails[type eq "work" and ims[type pr]]', "a value filter '[…]' cannot contain another one"],
    ["emails[not type pr]", "'not' must be followed by a parenthesised filter"],
    ["emails[(type pr]", "expected 'and', 'or' or the ')' closing the '(' at offset 7"],
  ];
  for (const [text, expected] of filters) {
    it(`${JSON.stringify(text)}: a bad filter inside [...] is invalidFilter`, () => {
      const e = error(() => parsePath(text));
      expect(e.status).toBe(400);
      expect(e.scimType).toBe("invalidFilter");
      expect(e.detail).toContain(expected);
    });
  }

  it("applies the length limit", () => {
    expect(error(() => parsePath(`a${"b".repeat(9000)}`)).scimType).toBe("invalidPath");
    expect(parsePath(`a${"b".repeat(9000)}`, { maxLength: 10_000 }).attrPath.name).toHaveLength(9001);
  });
});

describe("parseAttrPath", () => {
  it("parses a bare attribute path", () => {
    expect(parseAttrPath("name.familyName")).toEqual({ name: "name", sub: "familyName", start: 0, end: 15 });
    expect(error(() => parseAttrPath('emails[type eq "work"]')).scimType).toBe("invalidPath");
  });
});
