// Property tests of the PATCH applier (fast-check): random operation sequences on valid
// resources never throw anything but ScimError, never write the (frozen) input, and either
// fail or return a resource that validates and that the change log reproduces.
import fc from "fast-check";
import { applyPatch as applyJsonPatch, deepClone } from "fast-json-patch";
import { describe, expect, it } from "vitest";
import { GroupResourceType, ScimError, UserResourceType, invertChanges } from "../src/index.js";
import { resourceIndex } from "../src/resource-type.js";
import { parseResource } from "../src/validate/parse-resource.js";
import { BJENSEN_ID, ENTERPRISE, JSMITH_ID, PATCH_OP, member, storedGroup, storedUser } from "./patch-fixtures.js";

const userPaths = [
  "title",
  "displayName",
  "nickname",
  "name",
  "name.givenName",
  "name.familyName",
  "emails",
  'emails[type eq "work"]',
  'emails[type eq "work"].value',
  'emails[type eq "home"].primary',
  'emails[value co "example"]',
  "emails.value",
  "phoneNumbers",
  'phoneNumbers[type eq "mobile"]',
  'addresses[type eq "work"].streetAddress',
  "active",
  "password",
  "userName",
  "id",
  "meta",
  "meta.created",
  "groups",
  "externalId",
  `${ENTERPRISE}:manager`,
  `${ENTERPRISE}:manager.value`,
  `${ENTERPRISE}:manager.displayName`,
  `${ENTERPRISE}:department`,
  ENTERPRISE,
  "nosuch",
  "name..givenName",
  "emails[type eq work]",
  "emails[type eq \"work\"",
  "schemas",
  "__proto__",
];

const groupPaths = ["displayName", "members", `members[value eq "${BJENSEN_ID}"]`, `members[value eq "${JSMITH_ID}"].display`, 'members[type eq "User"]', "members.value", "externalId"];

const scalar = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom("True", "False", "2011-05-13T04:42:34Z", "not a date", "", "x@example.com"),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
);
const email = fc.record(
  { value: fc.oneof(fc.constant("a@example.com"), fc.string({ maxLength: 8 })), type: fc.constantFrom("work", "home", "other"), primary: fc.boolean() },
  { requiredKeys: [] },
);
const memberValue = fc.record({ value: fc.constantFrom(BJENSEN_ID, JSMITH_ID, "u3"), display: fc.constantFrom("A", "B"), type: fc.constantFrom("User", "Group") }, { requiredKeys: [] });
const value = fc.oneof(
  scalar,
  fc.array(email, { maxLength: 3 }),
  fc.array(memberValue, { maxLength: 3 }),
  email,
  fc.dictionary(fc.constantFrom("givenName", "familyName", "value", "displayName", "title", "active", "nickName", "department", "__proto__", "constructor", "nosuch"), scalar, { maxKeys: 3 }),
  fc.constant(JSON.parse('{"__proto__": {"polluted": true}}')),
  fc.array(scalar, { maxLength: 2 }),
);

const operation = (paths: string[]) =>
  fc.record(
    { op: fc.constantFrom("add", "replace", "remove", "Add", "Replace", "REMOVE", "move"), path: fc.constantFrom(...paths), value },
    { requiredKeys: ["op"] },
  );

function check(rt: typeof UserResourceType | typeof GroupResourceType, existing: Record<string, unknown>, operations: unknown[], strict: boolean): void {
  const snapshot = JSON.stringify(existing);
  let result;
  try {
    result = rt.applyPatch(existing, { schemas: [PATCH_OP], Operations: operations }, { strict });
  } catch (error) {
    if (!ScimError.is(error)) throw error;
    expect(error.status).toBe(400);
    expect(JSON.stringify(existing)).toBe(snapshot);
    return;
  }
  expect(JSON.stringify(existing)).toBe(snapshot);
  parseResource(resourceIndex(rt), result.resource); // the result validates
  const replayed = applyJsonPatch(deepClone(existing), result.changes, true, false).newDocument;
  expect(replayed).toEqual(result.resource);
  // inverted, the change log rolls the result back to the stored resource
  const rolledBack = applyJsonPatch(deepClone(result.resource), invertChanges(existing, result.changes), true, false).newDocument;
  expect(rolledBack).toEqual(existing);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}

describe("RFC 7644 §3.5.2 applier properties (fast-check)", () => {
  it("the W1 change log inverts to a rollback", () => {
    const existing = storedUser();
    const body = {
      schemas: [PATCH_OP],
      Operations: [
        { op: "replace", path: "name.givenName", value: "Babs" },
        { op: "add", path: "phoneNumbers", value: [{ value: "555-555-1234", type: "home" }] },
        { op: "remove", path: 'phoneNumbers[type eq "mobile"]' },
        { op: "remove", path: "title" },
      ],
    };
    const { resource, changes } = UserResourceType.applyPatch(existing, body);
    const rollback = invertChanges(existing, changes);
    expect(applyJsonPatch(deepClone(resource), rollback, true, false).newDocument).toEqual(existing);
  });
  it("User: random operation sequences → ScimError or a valid resource the change log reproduces; input untouched", () => {
    fc.assert(
      fc.property(fc.array(operation(userPaths), { minLength: 1, maxLength: 6 }), fc.boolean(), (operations, strict) => {
        check(UserResourceType, storedUser(), operations, strict);
      }),
      { numRuns: 1500 },
    );
  });
  it("Group: random membership operations", () => {
    fc.assert(
      fc.property(fc.array(operation(groupPaths), { minLength: 1, maxLength: 6 }), fc.boolean(), (operations, strict) => {
        check(GroupResourceType, storedGroup([member(BJENSEN_ID, "Babs Jensen"), { value: JSMITH_ID }]), operations, strict);
      }),
      { numRuns: 1500 },
    );
  });
  it("arbitrary JSON as a body never throws anything but ScimError", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (body) => {
        try {
          UserResourceType.applyPatch(storedUser(), body);
        } catch (error) {
          if (!ScimError.is(error)) throw error;
        }
      }),
      { numRuns: 500 },
    );
  });
});
