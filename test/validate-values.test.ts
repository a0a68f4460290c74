import { describe, expect, it } from "vitest";
import { isBase64, isDateTime, parseCreate, validateValue } from "../src/validate/index.js";
import { ENTERPRISE_URN, USER_URN, gadgetIndex, scimError, userIndex } from "./validate-fixtures.js";
import { attr, defineResourceType, defineSchema } from "../src/index.js";
import { resourceIndex } from "../src/resource-type.js";

const user = (extra: Record<string, unknown> = {}) => ({ schemas: [USER_URN], userName: "bjensen", ...extra });

const TypesSchema = defineSchema({
  id: "urn:example:params:scim:schemas:core:2.0:Typed",
  name: "Typed",
  attributes: {
    s: attr.string(),
    b: attr.boolean(),
    d: attr.decimal(),
    i: attr.integer(),
    t: attr.dateTime(),
    bin: attr.binary(),
    r: attr.reference({ referenceTypes: ["external"] }),
    many: attr.integer({ multiValued: true }),
  },
});
const typed = resourceIndex(defineResourceType({ name: "Typed", endpoint: "/Typed", schema: TypesSchema }));
const T = "urn:example:params:scim:schemas:core:2.0:Typed";
const one = (key: string, value: unknown, options?: { strict?: boolean }) =>
  parseCreate(typed, { schemas: [T], [key]: value }, options)[key];
const attribute = (name: string) => typed.resolve(undefined, name)!;

describe("value types (RFC 7643 §2.3)", () => {
  it("RFC 7643 §2.3.1 string / §2.3.7 reference: strings only", () => {
    expect(one("s", "x")).toBe("x");
    expect(one("r", "https://example.com/a")).toBe("https://example.com/a");
    const e = scimError(() => one("s", 5));
    expect(e).toMatchObject({ status: 400, scimType: "invalidValue" });
    expect(e.detail).toContain("'s'");
    expect(scimError(() => one("r", true)).scimType).toBe("invalidValue");
  });

  it("RFC 7643 §2.3.2 boolean: true/false; \"True\"/\"False\" in any case coerced by default (Entra ID)", () => {
    expect(one("b", true)).toBe(true);
    expect(one("b", "True")).toBe(true);
    expect(one("b", "FALSE")).toBe(false);
    expect(one("b", "tRuE")).toBe(true);
    expect(scimError(() => one("b", "yes")).scimType).toBe("invalidValue");
    expect(scimError(() => one("b", 1)).scimType).toBe("invalidValue");
  });

  it("RFC 7643 §2.3.2 boolean with { strict: true }: \"True\"/\"False\" strings → 400 invalidValue", () => {
    const e = scimError(() => one("b", "True", { strict: true }));
    expect(e).toMatchObject({ status: 400, scimType: "invalidValue" });
    expect(e.detail).toContain("strict");
    expect(one("b", false, { strict: true })).toBe(false);
    // Entra sends them inside multi-valued values too (emails[].primary).
    const body = user({ active: "False", emails: [{ value: "a@x", primary: "True" }] });
    expect(parseCreate(userIndex, body)).toMatchObject({ active: false, emails: [{ value: "a@x", primary: true }] });
    expect(scimError(() => parseCreate(userIndex, body, { strict: true })).detail).toContain("'active'");
  });

  it("RFC 7643 §2.3.3 decimal: finite numbers only", () => {
    expect(one("d", 1.5)).toBe(1.5);
    expect(one("d", -3)).toBe(-3);
    for (const bad of [Number.POSITIVE_INFINITY, Number.NaN, "1.5"]) expect(scimError(() => one("d", bad)).scimType).toBe("invalidValue");
  });

  it("RFC 7643 §2.3.4 integer: safe integers only", () => {
    expect(one("i", 42)).toBe(42);
    expect(one("i", Number.MAX_SAFE_INTEGER)).toBe(Number.MAX_SAFE_INTEGER);
    for (const bad of [1.5, 2 ** 53, -(2 ** 53), "42", Number.NaN]) expect(scimError(() => one("i", bad)).scimType).toBe("invalidValue");
  });

  it("RFC 7643 §2.3.5 dateTime: xsd:dateTime with an offset (RFC 3339)", () => {
    for (const ok of ["2008-01-23T04:56:22Z", "2008-01-23T04:56:22.123Z", "2008-01-23T04:56:22+05:30", "2000-02-29T23:59:59-14:00", "0001-01-01T00:00:00Z"]) {
      expect(isDateTime(ok), ok).toBe(true);
      expect(one("t", ok)).toBe(ok);
    }
    for (const bad of [
      "2008-01-23T04:56:22", // no offset
      "2008-01-23",
      "2008-01-23 04:56:22Z",
      "2008-13-01T00:00:00Z",
      "2001-02-29T00:00:00Z",
      "2008-01-23T24:00:00Z",
      "2008-01-23T04:60:00Z",
      "2008-01-23T04:56:60Z",
      "2008-01-23T04:56:22.Z",
      "2008-01-23T04:56:22+15:00",
      "2008-01-23T04:56:22+0530",
      "0000-01-01T00:00:00Z",
      "2008-01-23t04:56:22z",
    ]) {
      expect(isDateTime(bad), bad).toBe(false);
    }
    expect(scimError(() => one("t", "yesterday")).detail).toContain("dateTime");
    expect(scimError(() => one("t", 1234)).scimType).toBe("invalidValue");
  });

  it("RFC 7643 §2.3.5 dateTime: linear check, no backtracking on hostile input", () => {
    const hostile = `2008-01-23T04:56:22.${"1".repeat(200_000)}X`;
    const start = performance.now();
    expect(isDateTime(hostile)).toBe(false);
    expect(performance.now() - start).toBeLessThan(100);
  });

  it("RFC 7643 §2.3.6 binary: padded base64 (RFC 4648 §4)", () => {
    for (const ok of ["", "TWFu", "TWE=", "TQ==", "a+/Z09=="]) expect(isBase64(ok), ok).toBe(true);
    for (const bad of ["TWF", "TQ=", "T===", "TW=u", "TWFu\n", "TW-_", "====", "T Fu"]) expect(isBase64(bad), bad).toBe(false);
    expect(one("bin", "TWFu")).toBe("TWFu");
    expect(scimError(() => one("bin", "not base64!")).detail).toContain("base64");
  });

  it("RFC 7643 §2.4: a single value where an array is expected → 400 invalidValue", () => {
    const e = scimError(() => one("many", 5));
    expect(e).toMatchObject({ status: 400, scimType: "invalidValue" });
    expect(e.detail).toContain("multi-valued");
    expect(scimError(() => parseCreate(userIndex, user({ emails: { value: "a@x" } }))).scimType).toBe("invalidValue");
  });

  it("RFC 7643 §2.4: an array where a single value is expected → 400 invalidValue", () => {
    expect(scimError(() => one("s", ["a"])).detail).toContain("single-valued");
    expect(scimError(() => parseCreate(userIndex, user({ name: [{ givenName: "B" }] }))).scimType).toBe("invalidValue");
  });

  it("RFC 7643 §2.4: a null inside a multi-valued attribute → 400 invalidValue naming the element", () => {
    expect(scimError(() => one("many", [1, null])).detail).toContain("'many[1]'");
  });

  it("RFC 7643 §2.3.8: a complex attribute needs an object, and names the sub-attribute at fault", () => {
    expect(scimError(() => parseCreate(userIndex, user({ name: 5 }))).detail).toContain("'name'");
    expect(scimError(() => parseCreate(userIndex, user({ emails: [{ value: "a" }, { value: 7 }] }))).detail).toContain("'emails[1].value'");
    expect(
      scimError(() => parseCreate(userIndex, user({ schemas: [USER_URN, ENTERPRISE_URN], [ENTERPRISE_URN]: { manager: { value: 1 } } })))
        .detail,
    ).toContain(`'${ENTERPRISE_URN}:manager.value'`);
  });
});

describe("validateValue: one attribute value or one element (reused by the PATCH applier)", () => {
  it("RFC 7643 §2.3: checks, coerces and normalises one value", () => {
    expect(validateValue(attribute("b"), "True")).toBe(true);
    expect(validateValue(attribute("many"), [1, 2])).toStrictEqual([1, 2]);
    expect(validateValue(attribute("many"), 3, { element: true })).toBe(3);
    expect(validateValue(attribute("many"), [])).toBeUndefined();
    expect(validateValue(attribute("s"), null)).toBeUndefined();
  });

  it("RFC 7643 §2.1: sub-attribute names normalised; unknown ones per unknownAttributes", () => {
    const emails = userIndex.resolve(undefined, "emails")!;
    expect(validateValue(emails, { VALUE: "a@x", Type: "work" }, { element: true })).toStrictEqual({ value: "a@x", type: "work" });
    expect(scimError(() => validateValue(emails, { value: "a@x", bogus: 1 }, { element: true })).detail).toContain("bogus");
    expect(validateValue(emails, { value: "a@x", bogus: 1 }, { element: true, unknownAttributes: "ignore" })).toStrictEqual({ value: "a@x" });
  });

  it("RFC 7643 §7 readOnly sub-attributes: ignore (default), reject → 400 mutability, keep", () => {
    const manager = userIndex.resolve(ENTERPRISE_URN, "manager")!;
    const value = { value: "m1", displayName: "Boss" };
    expect(validateValue(manager, value)).toStrictEqual({ value: "m1" });
    expect(scimError(() => validateValue(manager, value, { readOnly: "reject" }))).toMatchObject({ scimType: "mutability" });
    expect(validateValue(manager, value, { readOnly: "keep" })).toStrictEqual(value);
  });

  it("RFC 7644 §3.12: errors name the given path", () => {
    const e = scimError(() => validateValue(attribute("i"), "x", { path: 'emails[type eq "work"].value' }));
    expect(e.detail).toContain(`'emails[type eq "work"].value'`);
  });

  it("RFC 7643 §2.4: at most one primary: true, checked on a whole multi-valued value", () => {
    const emails = userIndex.resolve(undefined, "emails")!;
    expect(scimError(() => validateValue(emails, [{ value: "a", primary: true }, { value: "b", primary: "true" }])).scimType).toBe(
      "invalidValue",
    );
  });
});

describe("bad input (DESIGN §7): 400, never a crash", () => {
  it("RFC 7644 §3.12 invalidSyntax: a body that is not a JSON object", () => {
    for (const body of [null, undefined, 5, "x", [], [{ userName: "x" }], true]) {
      expect(scimError(() => parseCreate(userIndex, body))).toMatchObject({ status: 400, scimType: "invalidSyntax" });
    }
  });

  it("DESIGN §7: __proto__, constructor and prototype keys → 400, at any level and in any mode, never copied", () => {
    for (const json of [
      `{"schemas":["${USER_URN}"],"userName":"x","__proto__":{"polluted":true}}`,
      `{"schemas":["${USER_URN}"],"userName":"x","name":{"__proto__":{"polluted":true}}}`,
      `{"schemas":["${USER_URN}"],"userName":"x","emails":[{"value":"a","constructor":{"prototype":{"polluted":true}}}]}`,
      `{"schemas":["${USER_URN}","${ENTERPRISE_URN}"],"userName":"x","${ENTERPRISE_URN}":{"prototype":1}}`,
      `{"schemas":["${USER_URN}"],"userName":"x","Constructor":1}`,
    ]) {
      const body = JSON.parse(json);
      for (const unknownAttributes of ["reject", "ignore"] as const) {
        const e = scimError(() => parseCreate(userIndex, body, { unknownAttributes }));
        expect(e, json).toMatchObject({ status: 400, scimType: "invalidSyntax" });
        expect(e.detail).toMatch(/__proto__|constructor|prototype/i);
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("DESIGN §7 limits: huge strings → 400 invalidValue naming the path", () => {
    const e = scimError(() => parseCreate(userIndex, user({ displayName: "x".repeat(2_000_000) })));
    expect(e).toMatchObject({ status: 400, scimType: "invalidValue" });
    expect(e.detail).toContain("'displayName'");
    expect(scimError(() => parseCreate(userIndex, user({ title: "abcdefgh" }), { maxStringLength: 7 })).detail).toContain("'title'");
  });

  it("DESIGN §7 limits: huge arrays → 400 invalidValue naming the path", () => {
    const emails = Array.from({ length: 11 }, (_, i) => ({ value: `u${i}@x` }));
    expect(scimError(() => parseCreate(userIndex, user({ emails }), { maxArrayLength: 10 })).detail).toContain("'emails'");
    expect(parseCreate(userIndex, user({ emails }), { maxArrayLength: 11 }).emails).toHaveLength(11);
  });

  it("DESIGN §7 limits: too many keys → 400 invalidSyntax", () => {
    const body: Record<string, unknown> = user();
    for (let i = 0; i < 50; i++) body[`x${i}`] = i;
    expect(scimError(() => parseCreate(userIndex, body, { maxKeys: 20, unknownAttributes: "ignore" })).scimType).toBe("invalidSyntax");
  });

  it("DESIGN §7 limits: deep nesting → 400, with the walk never descending past the schema", () => {
    let deep: unknown = "x";
    for (let i = 0; i < 100_000; i++) deep = { givenName: deep };
    expect(scimError(() => parseCreate(userIndex, user({ name: deep }))).detail).toContain("'name.givenName'");
    let deepArray: unknown = [];
    for (let i = 0; i < 100_000; i++) deepArray = [deepArray];
    expect(scimError(() => parseCreate(userIndex, user({ emails: deepArray }))).scimType).toBe("invalidValue");
    // A depth budget below the schema's own depth applies too.
    const e = scimError(() => parseCreate(userIndex, user({ emails: [{ value: "a" }] }), { maxDepth: 2 }));
    expect(e).toMatchObject({ scimType: "invalidSyntax" });
    expect(e.detail).toContain("'emails");
  });

  it("RFC 7644 §3.12: wrong JSON types in every position are invalidValue naming the path", () => {
    expect(scimError(() => parseCreate(gadgetIndex, { schemas: [1] })).detail).toContain("'schemas[0]'");
    expect(scimError(() => parseCreate(userIndex, user({ active: {} }))).detail).toContain("'active'");
    expect(scimError(() => parseCreate(userIndex, user({ userName: 5n }))).detail).toContain("'userName'");
  });
});
