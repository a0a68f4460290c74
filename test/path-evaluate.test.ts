import { describe, expect, it } from "vitest";
import { compileFilter, compileValueFilter } from "../src/path/evaluate.js";
import { parseFilter } from "../src/path/parse-filter.js";
import { parsePath } from "../src/path/parse-path.js";
import {
  CORE,
  ENTERPRISE,
  alpha,
  bravo,
  charlie,
  delta,
  deviceIndex,
  ids,
  userIndex,
  users,
  type Resource,
} from "./path-fixtures.js";
import { catchScimError as error } from "./support/scim-error.js";


const match = (filter: string, from: readonly Resource[] = users) => ids(compileFilter(userIndex, filter), from);

function invalid(index: typeof userIndex, filter: string, expected: string) {
  const e = error(() => compileFilter(index, filter));
  expect(e.status).toBe(400);
  expect(e.scimType).toBe("invalidFilter");
  expect(e.detail).toContain(expected);
}

// Fixtures (path-fixtures.ts): a1 bjensen (Employee, title, work email at example.com,
// enterprise extension), b2 jsmith (Intern, O'Malley, example.org email, xmpp im at foo.com),
// c3 Alice (Employee, empty title, work email elsewhere), d4 dlee (Contractor, no example.* email).
describe("RFC 7644 §3.4.2.2 example filters evaluate as the RFC describes", () => {
  it('§3.4.2.2 example 1: userName eq "bjensen" (userName is case-insensitive)', () => {
    expect(match('userName eq "bjensen"')).toEqual(["a1"]);
    expect(match('userName eq "BJensen"')).toEqual(["a1"]);
  });

  it('§3.4.2.2 example 2: name.familyName co "O\'Malley"', () => {
    expect(match('name.familyName co "O\'Malley"')).toEqual(["b2"]);
  });

  it('§3.4.2.2 example 3: userName sw "J"', () => {
    expect(match('userName sw "J"')).toEqual(["b2"]);
  });

  it('§3.4.2.2 example 4: urn:ietf:params:scim:schemas:core:2.0:User:userName sw "J"', () => {
    expect(match(`${CORE}:userName sw "J"`)).toEqual(["b2"]);
  });

  it("§3.4.2.2 example 5: title pr (an empty string is not present)", () => {
    expect(match("title pr")).toEqual(["a1"]);
  });

  it('§3.4.2.2 example 6: meta.lastModified gt "2011-05-13T04:42:34Z"', () => {
    expect(match('meta.lastModified gt "2011-05-13T04:42:34Z"')).toEqual(["b2", "d4"]);
  });

  it('§3.4.2.2 example 7: meta.lastModified ge "2011-05-13T04:42:34Z"', () => {
    expect(match('meta.lastModified ge "2011-05-13T04:42:34Z"')).toEqual(["a1", "b2", "d4"]);
  });

  it('§3.4.2.2 example 8: meta.lastModified lt "2011-05-13T04:42:34Z"', () => {
    expect(match('meta.lastModified lt "2011-05-13T04:42:34Z"')).toEqual(["c3"]);
  });

  it('§3.4.2.2 example 9: meta.lastModified le "2011-05-13T04:42:34Z"', () => {
    expect(match('meta.lastModified le "2011-05-13T04:42:34Z"')).toEqual(["a1", "c3"]);
  });

  it('§3.4.2.2 example 10: title pr and userType eq "Employee"', () => {
    expect(match('title pr and userType eq "Employee"')).toEqual(["a1"]);
  });

  it('§3.4.2.2 example 11: title pr or userType eq "Intern"', () => {
    expect(match('title pr or userType eq "Intern"')).toEqual(["a1", "b2"]);
  });

  it('§3.4.2.2 example 12: schemas eq "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"', () => {
    expect(match(`schemas eq "${ENTERPRISE}"`)).toEqual(["a1"]);
  });

  it('§3.4.2.2 example 13: userType eq "Employee" and (emails co "example.com" or emails.value co "example.org") — `emails co` compares emails.value (errata.md defect 6)', () => {
    expect(match('userType eq "Employee" and (emails co "example.com" or emails.value co "example.org")')).toEqual(["a1"]);
  });

  it('§3.4.2.2 example 14: userType ne "Employee" and not (emails co "example.com" or emails.value co "example.org")', () => {
    expect(match('userType ne "Employee" and not (emails co "example.com" or emails.value co "example.org")')).toEqual(["d4"]);
  });

  it('§3.4.2.2 example 15: userType eq "Employee" and (emails.type eq "work")', () => {
    expect(match('userType eq "Employee" and (emails.type eq "work")')).toEqual(["a1", "c3"]);
  });

  it('§3.4.2.2 example 16: userType eq "Employee" and emails[type eq "work" and value co "@example.com"]', () => {
    expect(match('userType eq "Employee" and emails[type eq "work" and value co "@example.com"]')).toEqual(["a1"]);
  });

  it('§3.4.2.2 example 17: emails[type eq "work" and value co "@example.com"] or ims[type eq "xmpp" and value co "@foo.com"]', () => {
    expect(match('emails[type eq "work" and value co "@example.com"] or ims[type eq "xmpp" and value co "@foo.com"]')).toEqual([
      "a1",
      "b2",
    ]);
  });

  it('§3.4.2.2: userName Eq "john" and Username eq "john" evaluate alike', () => {
    const john = { ...alpha, id: "j", userName: "John" };
    expect(match('userName Eq "john"', [john, bravo])).toEqual(["j"]);
    expect(match('Username eq "john"', [john, bravo])).toEqual(["j"]);
  });
});

describe("compileFilter: schema-aware semantics", () => {
  it("accepts an AST as well as text", () => {
    expect(ids(compileFilter(userIndex, parseFilter('userName eq "dlee"')))).toEqual(["d4"]);
  });

  it("all conditions in [...] apply to the same element, unlike separate conditions", () => {
    // bjensen has a work email at example.com and a home email at jensen.org.
    expect(match('emails[type eq "work" and value co "jensen.org"]')).toEqual([]);
    expect(match('emails.type eq "work" and emails.value co "jensen.org"')).toEqual(["a1"]);
    expect(match('emails[type eq "home" and value co "jensen.org"]')).toEqual(["a1"]);
  });

  it("resolves attribute names case-insensitively, and tolerates other key spellings in resources", () => {
    expect(match('USERNAME eq "bjensen"')).toEqual(["a1"]);
    const odd = { schemas: [CORE], id: "o", UserName: "bjensen", Emails: [{ Value: "x@example.com", TYPE: "work" }] };
    expect(match('userName eq "bjensen"', [odd])).toEqual(["o"]);
    expect(match('emails[type eq "work" and value ew "example.com"]', [odd])).toEqual(["o"]);
  });

  it("does not read inherited properties as values", () => {
    expect(match("userName pr", [{ id: "p" }])).toEqual([]);
  });

  it("honours caseExact: id, externalId and manager.value (errata 8472) are case-exact", () => {
    expect(match('id eq "A1"')).toEqual([]);
    expect(match('id eq "a1"')).toEqual(["a1"]);
    expect(match('externalId eq "ext-a"')).toEqual([]);
    expect(match(`${ENTERPRISE}:manager.value eq "boss-1"`)).toEqual([]);
    expect(match(`${ENTERPRISE}:manager.value eq "Boss-1"`)).toEqual(["a1"]);
    expect(match(`${ENTERPRISE}:employeeNumber eq "701984"`)).toEqual(["a1"]);
    expect(match('urn:ietf:params:scim:schemas:extension:enterprise:2.0:user:MANAGER.displayName sw "john"')).toEqual(["a1"]);
  });

  it("a complex attribute with a value sub-attribute compares it (manager)", () => {
    expect(match(`${ENTERPRISE}:manager eq "Boss-1"`)).toEqual(["a1"]);
  });

  it("dateTime compares instants, not text", () => {
    expect(match('meta.lastModified eq "2011-05-13T06:42:34+02:00"')).toEqual(["a1"]);
    expect(match('meta.lastModified eq "2011-05-13T04:42:34.000Z"')).toEqual(["a1"]);
    expect(match('meta.lastModified ne "2011-05-13T04:42:34.000Z"')).toEqual(["b2", "c3", "d4"]);
    expect(match('meta.lastModified sw "2011"')).toEqual(["a1", "b2"]);
  });

  it("booleans with eq/ne; a string 'true' only when lenient", () => {
    expect(match("active eq true")).toEqual(["a1"]);
    expect(match("active ne true")).toEqual(["b2"]);
    expect(match('active eq "True"')).toEqual(["a1"]);
    expect(error(() => compileFilter(userIndex, 'active eq "True"', { strict: true })).scimType).toBe("invalidFilter");
  });

  it("pr: non-empty values only", () => {
    const r = (extra: Resource) => ({ id: "x", ...extra });
    expect(match("title pr", [r({ title: null })])).toEqual([]);
    expect(match("emails pr", [r({ emails: [] })])).toEqual([]);
    expect(match("emails pr", [r({ emails: [{}] })])).toEqual([]);
    expect(match("emails pr", [r({ emails: [{ value: "" }, { type: "work" }] })])).toEqual(["x"]);
    expect(match("name pr", [r({ name: { givenName: "" } })])).toEqual([]);
    expect(match("name pr", [r({ name: { givenName: "B" } })])).toEqual(["x"]);
    expect(match("active pr", [r({ active: false })])).toEqual(["x"]);
  });

  it("eq null / ne null mean unassigned / assigned", () => {
    expect(match("title eq null")).toEqual(["b2", "c3", "d4"]);
    expect(match("title ne null")).toEqual(["a1"]);
  });

  it("unassigned attributes match no comparison, ne included (an empty string is a value)", () => {
    expect(match('title ne "Tour Guide"')).toEqual(["c3"]);
    expect(match('not (title eq "Tour Guide")')).toEqual(["b2", "c3", "d4"]);
  });

  it("multi-valued attributes match when any value matches", () => {
    expect(match('emails.value ew ".net"')).toEqual(["c3", "d4"]);
    expect(match(`schemas eq "${CORE}"`)).toEqual(["a1", "b2", "c3", "d4"]);
  });

  it("numbers compare numerically; multi-valued simple any-match; complex multi-valued sub-attributes", () => {
    const devices = [
      { id: "d1", ports: 8, weight: 1.5, readings: [3, 10], slots: [{ position: 1, card: "gpu" }, { position: 2, card: "nic" }] },
      { id: "d2", ports: 24, weight: 0.25, readings: [], slots: [{ position: 2, card: "gpu" }] },
    ];
    const dev = (f: string) => ids(compileFilter(deviceIndex, f), devices);
    expect(dev("ports gt 10")).toEqual(["d2"]);
    expect(dev("ports eq 8")).toEqual(["d1"]);
    expect(dev("ports ne 8")).toEqual(["d2"]);
    expect(dev("weight le 1.5")).toEqual(["d1", "d2"]);
    expect(dev("weight lt 1")).toEqual(["d2"]);
    expect(dev("readings ge 10")).toEqual(["d1"]);
    expect(dev("readings pr")).toEqual(["d1"]);
    expect(dev('slots[position eq 2 and card eq "gpu"]')).toEqual(["d2"]);
    expect(dev('slots.position eq 2 and slots.card eq "gpu"')).toEqual(["d1", "d2"]);
  });

  it("string ordering is lexicographic, case-insensitive unless caseExact", () => {
    const devices = [
      { id: "d1", label: "alpha", serial: "alpha" },
      { id: "d2", label: "Beta", serial: "Beta" },
    ];
    const dev = (f: string) => ids(compileFilter(deviceIndex, f), devices);
    expect(dev('label gt "B"')).toEqual(["d2"]);
    expect(dev('label lt "b"')).toEqual(["d1"]);
    expect(dev('serial gt "Bz"')).toEqual(["d1"]); // "alpha" > "Bz" > "Beta" by code unit
    expect(dev('label gt "Bz"')).toEqual([]);
    expect(dev('serial eq "beta"')).toEqual([]);
    expect(dev('label eq "BETA"')).toEqual(["d2"]);
    expect(dev('label co "ET"')).toEqual(["d2"]);
    expect(dev('serial co "ET"')).toEqual([]);
  });

  it("case-insensitive equality handles non-ASCII text", () => {
    const devices = [
      { id: "d1", label: "ÉCOLE" },
      { id: "d2", label: "\u212Aelvin" }, // KELVIN SIGN lower-cases to "k"
    ];
    const dev = (f: string) => ids(compileFilter(deviceIndex, f), devices);
    expect(dev('label eq "école"')).toEqual(["d1"]);
    expect(dev('label eq "kelvin"')).toEqual(["d2"]);
  });

  it("binary attributes: eq and co, no ordering", () => {
    const dev = (f: string) => ids(compileFilter(deviceIndex, f), [{ id: "d1", firmware: "QUJD" }]);
    expect(dev('firmware eq "QUJD"')).toEqual(["d1"]);
    expect(dev('firmware eq "qujd"')).toEqual([]);
  });

  it("a multi-valued simple attribute's values are called value inside [...]", () => {
    const devices = [
      { id: "d1", tags: ["Red", "blue"] },
      { id: "d2", tags: ["green"] },
    ];
    expect(ids(compileFilter(deviceIndex, 'tags[value eq "red" or value eq "GREEN"]'), devices)).toEqual(["d1", "d2"]);
    expect(ids(compileFilter(userIndex, `schemas[value eq "${ENTERPRISE}"]`), users)).toEqual(["a1"]);
  });
});

describe("compileFilter: 400 invalidFilter for what the schema rules out", () => {
  it("unknown attributes, sub-attributes and schemas", () => {
    invalid(userIndex, 'nosuch eq "x"', "at offset 0: unknown attribute 'nosuch' (the User resource type has no such attribute)");
    invalid(userIndex, 'userName eq "x" and name.nosuch pr', "at offset 20: unknown attribute 'name.nosuch'");
    invalid(userIndex, 'emails[nosuch eq "x"]', "at offset 7: unknown attribute 'nosuch': 'emails' has no such sub-attribute");
    invalid(userIndex, 'urn:example:nope:User:userName eq "x"', "unknown schema 'urn:example:nope:User'");
    invalid(userIndex, `${ENTERPRISE}:userName eq "x"`, `unknown attribute '${ENTERPRISE}:userName'`);
  });

  it("gt/ge/lt/le on booleans or binary", () => {
    invalid(userIndex, "active gt true", "'active' is a boolean; only 'eq' and 'ne' apply to it, not 'gt'");
    invalid(deviceIndex, "enabled le false", "only 'eq' and 'ne' apply");
    invalid(deviceIndex, 'firmware ge "AAAA"', "'ge' does not apply to 'firmware', a binary attribute");
    invalid(deviceIndex, 'enabled co "t"', "only 'eq' and 'ne' apply");
  });

  it("values of the wrong type", () => {
    invalid(userIndex, "userName eq 42", "'userName' is a string; compare it with a string in double quotes, not 42");
    invalid(deviceIndex, 'ports eq "8"', "'ports' is an integer; compare it with a number");
    invalid(deviceIndex, "ports co 8", "'co' applies to strings");
    invalid(userIndex, "active eq 1", "compare it with true or false");
    invalid(userIndex, 'meta.lastModified gt "yesterday"', '"yesterday" is not a dateTime');
    invalid(userIndex, "meta.lastModified gt 5", "compare it with a dateTime string");
    invalid(userIndex, "title gt null", "null can only be compared with 'eq' or 'ne'");
  });

  it("complex attributes without a value sub-attribute need a sub-attribute", () => {
    invalid(userIndex, 'name eq "Barbara"', "'name' is complex; compare one of its sub-attributes, such as 'name.formatted'");
    invalid(userIndex, 'addresses co "x"', "'addresses' is complex");
  });

  it("misplaced value filters", () => {
    invalid(userIndex, 'userName[value eq "x"]', "'userName' is a single value");
    invalid(userIndex, 'emails[type.x eq "x"]', "inside 'emails[…]' name a sub-attribute of 'emails' alone");
    invalid(deviceIndex, 'tags[label eq "x"]', "inside '[…]' refer to each one as 'value'");
  });

  it("syntax errors come from the parser", () => {
    invalid(userIndex, "userName eq bjensen", "'bjensen' must be in double quotes");
  });

  it("errors for a hand-built AST report offsets without text", () => {
    const e = error(() =>
      compileFilter(userIndex, { kind: "pr", attrPath: { name: "nosuch", start: 3, end: 9 }, start: 3, end: 12 }),
    );
    expect(e.detail).toBe("Invalid filter: at offset 3: unknown attribute 'nosuch' (the User resource type has no such attribute)");
  });
});

describe("compileValueFilter", () => {
  const emails = userIndex.resolve(undefined, "emails");
  if (emails === undefined) throw new Error("fixture");

  it("tests one element of a multi-valued complex attribute", () => {
    const path = parsePath('emails[type eq "work" and value co "@example.com"]');
    if (path.valueFilter === undefined) throw new Error("fixture");
    const test = compileValueFilter(userIndex, emails, path.valueFilter);
    const list = alpha.emails as unknown[];
    expect(list.map(test)).toEqual([true, false]);
    expect(test(null)).toBe(false);
    expect(test("bjensen@example.com")).toBe(false);
  });

  it("tests the elements of a simple multi-valued attribute as value", () => {
    const schemas = userIndex.resolve(undefined, "schemas");
    if (schemas === undefined) throw new Error("fixture");
    const test = compileValueFilter(userIndex, schemas, parseFilter(`value eq "${ENTERPRISE}"`));
    expect([CORE, ENTERPRISE].map(test)).toEqual([false, true]);
  });

  it("rejects unknown sub-attributes and nested value filters", () => {
    expect(error(() => compileValueFilter(userIndex, emails, parseFilter('nosuch eq "x"'))).scimType).toBe("invalidFilter");
    expect(error(() => compileValueFilter(userIndex, emails, parseFilter('ims[type eq "x"]'))).scimType).toBe("invalidFilter");
  });

  it("rejects a single-valued simple parent", () => {
    const userName = userIndex.resolve(undefined, "userName");
    if (userName === undefined) throw new Error("fixture");
    expect(error(() => compileValueFilter(userIndex, userName, parseFilter('value eq "x"'))).scimType).toBe("invalidFilter");
  });
});

// Keeps the fixture names used, so a change of fixtures shows up here.
void [charlie, delta];
