import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ScimError } from "../src/errors.js";
import type { ResolvedAttribute, ResourceIndex } from "../src/schema/schema-index.js";
import { serialize } from "../src/project/index.js";
import { parseCreate, parseReplace, parseResource } from "../src/validate/index.js";
import { ENTERPRISE_URN, USER_URN, deepFreeze, gadgetIndex, groupIndex, rfcFullUser, rfcGroup, userIndex } from "./validate-fixtures.js";

const stored = deepFreeze(rfcFullUser());
const storedGroup = deepFreeze(rfcGroup());

/** Runs `fn`; anything thrown other than a 400 ScimError fails the property. */
function onlyScimErrors(fn: () => unknown): boolean {
  try {
    fn();
    return true;
  } catch (error) {
    if (!ScimError.is(error)) throw error;
    expect(error.status).toBe(400);
    expect(error.detail.length).toBeGreaterThan(0);
    return true;
  }
}

const keys = fc.constantFrom(
  "schemas",
  "userName",
  "USERNAME",
  "name",
  "emails",
  "active",
  "id",
  "meta",
  "groups",
  "members",
  "displayName",
  "password",
  "x509Certificates",
  "__proto__",
  "constructor",
  "spec",
  "parts",
  "frozen",
  "tags",
  ENTERPRISE_URN,
  "urn:example:params:scim:schemas:extension:acme:2.0:Gadget",
);
const subKeys = fc.constantFrom("value", "type", "primary", "display", "givenName", "manager", "employeeNumber", "model", "PRIMARY", "prototype");
const leaf = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom("True", "false", "2020-01-01T00:00:00Z", "TWFu", USER_URN));
const element = fc.dictionary(subKeys, leaf, { maxKeys: 4 });
const value = fc.oneof(leaf, element, fc.array(element, { maxLength: 3 }), fc.array(leaf, { maxLength: 3 }));
/** Bodies shaped like SCIM bodies (schema keys, complex values, arrays) with random contents. */
const scimish = fc.record({
  schemas: fc.oneof(fc.constant([USER_URN]), fc.array(fc.oneof(fc.string(), fc.constant(USER_URN)), { maxLength: 3 }), leaf),
}).chain((base) => fc.dictionary(keys, value, { maxKeys: 8 }).map((rest) => ({ ...base, ...rest })));

const typed: Record<string, fc.Arbitrary<unknown>> = {
  string: fc.string({ maxLength: 8 }),
  reference: fc.webUrl(),
  boolean: fc.oneof(fc.boolean(), fc.constantFrom("True", "FALSE")),
  decimal: fc.double({ noNaN: true, noDefaultInfinity: true }),
  integer: fc.integer(),
  dateTime: fc.date({ min: new Date("0001-01-01T00:00:00Z"), max: new Date("9999-12-31T23:59:59Z"), noInvalidDate: true }).map((d) => d.toISOString()),
  binary: fc.uint8Array({ maxLength: 12 }).map((b) => Buffer.from(b).toString("base64")),
};

/** Mostly valid values of one attribute, with a little noise (wrong types, nulls, case-mangled names). */
function attributeValue(a: ResolvedAttribute): fc.Arbitrary<unknown> {
  const one: fc.Arbitrary<unknown> = a.subAttributes
    ? fc
        .subarray([...a.subAttributes.values()])
        .chain((subs) => fc.tuple(...subs.map((sub) => attributeValue(sub).map((v) => [sub.name, v] as const))))
        .map((entries) => Object.fromEntries(entries.filter(([name]) => name !== "primary")))
    : (typed[a.attribute.type] as fc.Arbitrary<unknown>);
  const value = a.attribute.multiValued ? fc.array(one, { maxLength: 3 }) : one;
  return fc.oneof({ weight: 40, arbitrary: value }, { weight: 1, arbitrary: leaf });
}

/** Bodies built from a resource type's schema: what a real client would send, more or less. */
function schemaBody(index: ResourceIndex): fc.Arbitrary<Record<string, unknown>> {
  const top = [...index.attributes.values()].filter((a) => a.name !== "schemas" && !a.attribute.required);
  const required = [...index.attributes.values()].filter((a) => a.name !== "schemas" && a.attribute.required && a.attribute.mutability !== "readOnly");
  const exts = [...index.extensions.values()];
  return fc
    .tuple(
      fc.subarray(top).chain((attrs) =>
        fc.tuple(...[...required, ...attrs].map((a) => attributeValue(a).map((v) => [a.name, v] as const))),
      ),
      fc.subarray(exts).chain((list) =>
        fc.tuple(
          ...list.map((ext) =>
            fc
              .subarray([...ext.attributes.values()])
              .chain((attrs) => fc.tuple(...attrs.map((a) => attributeValue(a).map((v) => [a.name, v] as const))))
              .map((entries) => [ext.schema.id, Object.fromEntries(entries)] as const),
          ),
        ),
      ),
    )
    .map(([attrs, extEntries]) => ({
      schemas: [index.coreSchemaId, ...extEntries.map(([urn]) => urn)],
      ...Object.fromEntries(attrs),
      ...Object.fromEntries(extEntries),
    }));
}

const anything = fc.oneof(fc.jsonValue(), scimish, schemaBody(userIndex), schemaBody(gadgetIndex), fc.anything());

describe("property: random bodies never throw anything but a 400 ScimError (DESIGN §7)", () => {
  it("RFC 7644 §3.3 / §3.5.1: parseCreate, parseReplace, parseResource on random JSON", () => {
    fc.assert(
      fc.property(anything, fc.boolean(), (body, strict) => {
        for (const index of [userIndex, groupIndex, gadgetIndex]) {
          onlyScimErrors(() => parseCreate(index, body, { strict }));
          onlyScimErrors(() => parseResource(index, body, { strict, unknownAttributes: "ignore" }));
        }
        onlyScimErrors(() => parseReplace(userIndex, body, stored, { strict }));
        onlyScimErrors(() => parseReplace(groupIndex, body, storedGroup, { unknownAttributes: "ignore" }));
        return true;
      }),
      { numRuns: 1500 },
    );
  });

  it("RFC 7644 §3.5.1: a successful PUT of a random body never mutates existing and keeps its id and meta", () => {
    fc.assert(
      fc.property(scimish, (body) => {
        try {
          const out = parseReplace(userIndex, body, stored, { unknownAttributes: "ignore" });
          expect(out.id).toBe(stored.id);
          expect(out.meta).toBe(stored.meta);
        } catch (error) {
          if (!ScimError.is(error)) throw error;
        }
        return true;
      }),
      { numRuns: 500 },
    );
  });

  it("RFC 7644 §3.4.2.5: serialize of random resources and random lists never throws but the both-lists 400", () => {
    fc.assert(
      fc.property(scimish, fc.option(fc.string()), fc.option(fc.string()), (resource, attributes, excluded) => {
        onlyScimErrors(() =>
          serialize(userIndex, resource as Record<string, unknown>, {
            attributes: attributes ?? undefined,
            excludedAttributes: excluded ?? undefined,
          }),
        );
        return true;
      }),
      { numRuns: 500 },
    );
  });

  it("RFC 7644 §3.3: a parsed body parses again to itself (normalisation is idempotent)", () => {
    let parsed = 0;
    fc.assert(
      fc.property(schemaBody(userIndex), (body) => {
        let once: Record<string, unknown>;
        try {
          once = parseCreate(userIndex, body, { unknownAttributes: "ignore" });
        } catch (error) {
          if (!ScimError.is(error)) throw error;
          return true;
        }
        parsed++;
        expect(parseCreate(userIndex, once, { strict: true })).toStrictEqual(once);
        return true;
      }),
      { numRuns: 500 },
    );
    // the generator must reach the success path often enough for the property to mean something
    expect(parsed).toBeGreaterThan(100);
  });
});
