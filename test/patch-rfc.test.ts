// RFC 7644 §3.5.2.1–§3.5.2.3: every example of the RFC, and the rules around them.
import { describe, expect, it } from "vitest";
import { GroupResourceType, UserResourceType } from "../src/index.js";
import {
  BJENSEN_ID,
  ENTERPRISE,
  JSMITH_ID,
  apply,
  member,
  patchBody,
  rejects,
  storedGroup,
  storedUser,
} from "./patch-fixtures.js";

const U = UserResourceType;
const G = GroupResourceType;

describe("RFC 7644 §3.5.2.1 add", () => {
  it("example 1: add a member to a group", () => {
    const { resource, changes } = apply(
      G,
      storedGroup([]),
      patchBody({
        op: "add",
        path: "members",
        value: [{ display: "Babs Jensen", $ref: `https://example.com/v2/Users/${BJENSEN_ID}`, value: BJENSEN_ID }],
      }),
    );
    expect(resource.members).toEqual([{ display: "Babs Jensen", $ref: `https://example.com/v2/Users/${BJENSEN_ID}`, value: BJENSEN_ID }]);
    expect(changes).toEqual([{ op: "add", path: "/members", value: resource.members }]);
  });
  it("example 2: add without a path merges the attributes of the value (`nickname` matches `nickName`, §2.1 case-insensitive)", () => {
    const { resource } = apply(U, storedUser(), patchBody({ op: "add", value: { emails: [{ value: "babs@jensen.org", type: "home" }, { value: "b@new.example.com", type: "other" }], nickname: "Babsie" } }));
    expect(resource.nickName).toBe("Babsie");
    expect(resource).not.toHaveProperty("nickname");
    expect(resource.emails).toEqual([
      { value: "bjensen@example.com", type: "work", primary: true },
      { value: "babs@jensen.org", type: "home" },
      { value: "b@new.example.com", type: "other" },
    ]);
  });
  it('"If the target location does not exist, the attribute and value are added"', () => {
    const { resource, changes } = apply(U, storedUser(), patchBody({ op: "add", path: "locale", value: "en-US" }));
    expect(resource.locale).toBe("en-US");
    expect(changes).toEqual([{ op: "add", path: "/locale", value: "en-US" }]);
  });
  it('"If the target location specifies a single-valued attribute, the existing value is replaced"', () => {
    expect(apply(U, storedUser(), patchBody({ op: "add", path: "title", value: "Lead Guide" })).resource.title).toBe("Lead Guide");
  });
  it('"If the target location specifies a complex attribute, a set of sub-attributes SHALL be specified" and merged', () => {
    const { resource } = apply(U, storedUser(), patchBody({ op: "add", path: "name", value: { middleName: "Jane" } }));
    expect(resource.name).toEqual({ formatted: "Ms. Barbara J Jensen, III", familyName: "Jensen", givenName: "Barbara", middleName: "Jane" });
  });
  it('"If the target location specifies a multi-valued attribute, a new value is added"; values already present are not (same value, same type where both have one)', () => {
    const existing = storedGroup([member(BJENSEN_ID, "Babs Jensen")]);
    const again = apply(G, existing, patchBody({ op: "add", path: "members", value: [{ value: BJENSEN_ID }] }));
    expect(again.changed).toBe(false);
    const typed = apply(G, existing, patchBody({ op: "add", path: "members", value: [{ value: BJENSEN_ID, type: "Group" }] }));
    expect(typed.resource.members).toHaveLength(2);
    const twice = apply(G, storedGroup([]), patchBody({ op: "add", path: "members", value: [{ value: JSMITH_ID }, { value: JSMITH_ID }] }));
    expect(twice.resource.members).toEqual([{ value: JSMITH_ID }]);
  });
  it("emails compare values per caseExact: a different case of an email is already present", () => {
    const { changed } = apply(U, storedUser(), patchBody({ op: "add", path: "emails", value: [{ value: "BJENSEN@example.com", type: "work" }] }));
    expect(changed).toBe(false);
  });
  it("the changes log appends values with '/-' and replays to the result", () => {
    const { changes } = apply(G, storedGroup(), patchBody({ op: "add", path: "members", value: [member(JSMITH_ID, "James Smith")] }));
    expect(changes).toEqual([{ op: "add", path: "/members/-", value: member(JSMITH_ID, "James Smith") }]);
  });
});

describe("RFC 7644 §3.5.2.2 remove", () => {
  const two = () => storedGroup([member(BJENSEN_ID, "Babs Jensen"), member(JSMITH_ID, "James Smith")]);
  it("example 1: remove all members", () => {
    const { resource, changes } = apply(G, two(), patchBody({ op: "remove", path: "members" }));
    expect(resource).not.toHaveProperty("members");
    expect(changes).toEqual([{ op: "remove", path: "/members" }]);
  });
  it("example 2: remove one member by value filter", () => {
    const { resource } = apply(G, two(), patchBody({ op: "remove", path: `members[value eq "${BJENSEN_ID}"]` }));
    expect(resource.members).toEqual([member(JSMITH_ID, "James Smith")]);
  });
  it('example 3: remove a complex value: emails[type eq "work" and value ew "example.com"]', () => {
    const { resource } = apply(U, storedUser(), patchBody({ op: "remove", path: 'emails[type eq "work" and value ew "example.com"]' }));
    expect(resource.emails).toEqual([{ value: "babs@jensen.org", type: "home" }]);
  });
  it('example 4: remove several members, written `eq"…"` without a space (lenient)', () => {
    const { resource } = apply(
      G,
      two(),
      patchBody({ op: "remove", path: `members[value eq"${BJENSEN_ID}"]` }, { op: "remove", path: `members[value eq"${JSMITH_ID}"]` }),
    );
    expect(resource).not.toHaveProperty("members");
    rejects(() => G.applyPatch(two(), patchBody({ op: "remove", path: `members[value eq"${BJENSEN_ID}"]` }), { strict: true }), 400, "invalidFilter");
  });
  it("example 5: replace all members with remove then add", () => {
    const { resource } = apply(
      G,
      two(),
      patchBody(
        { op: "remove", path: "members" },
        { op: "add", path: "members", value: [{ display: "James Smith", $ref: `https://example.com/v2/Users/${JSMITH_ID}`, value: JSMITH_ID }] },
      ),
    );
    expect(resource.members).toEqual([{ display: "James Smith", $ref: `https://example.com/v2/Users/${JSMITH_ID}`, value: JSMITH_ID }]);
  });
  it('"If \'path\' is unspecified, the operation fails with 400 and a "scimType" error code of "noTarget"', () => {
    rejects(() => U.applyPatch(storedUser(), patchBody({ op: "remove" })), 400, "noTarget");
  });
  it("a filter that matches nothing removes nothing", () => {
    const { changed } = apply(G, two(), patchBody({ op: "remove", path: 'members[value eq "nobody"]' }));
    expect(changed).toBe(false);
  });
  it('"If the target location is a single-value attribute, the attribute and its associated value is removed"', () => {
    const { resource, changes } = apply(U, storedUser(), patchBody({ op: "remove", path: "title" }));
    expect(resource).not.toHaveProperty("title");
    expect(changes).toEqual([{ op: "remove", path: "/title" }]);
  });
  it("removing a sub-attribute of the matched values: addresses[type eq \"home\"].streetAddress", () => {
    const { resource } = apply(U, storedUser(), patchBody({ op: "remove", path: 'addresses[type eq "home"].streetAddress' }));
    expect((resource.addresses as Record<string, unknown>[])[1]).toEqual({ type: "home", locality: "Hollywood", region: "CA", country: "US" });
  });
  it("a required attribute cannot be removed: 400 mutability (userName, Group displayName per errata 5368)", () => {
    rejects(() => U.applyPatch(storedUser(), patchBody({ op: "remove", path: "userName" })), 400, "mutability", /required/);
    rejects(() => G.applyPatch(storedGroup(), patchBody({ op: "remove", path: "displayName" })), 400, "mutability", /required/);
    rejects(() => U.applyPatch(storedUser(), patchBody({ op: "replace", path: "userName", value: null })), 400, "mutability", /required/);
  });
});

describe("RFC 7644 §3.5.2.3 replace", () => {
  it("example 1: replace all members", () => {
    const { resource } = apply(
      G,
      storedGroup(),
      patchBody({
        op: "replace",
        path: "members",
        value: [
          { display: "Babs Jensen", $ref: `https://example.com/v2/Users/${BJENSEN_ID}`, value: BJENSEN_ID },
          { display: "James Smith", $ref: `https://example.com/v2/Users/${JSMITH_ID}`, value: JSMITH_ID },
        ],
      }),
    );
    expect((resource.members as unknown[]).length).toBe(2);
  });
  it('example 2: replace the work address (addresses[type eq "work"])', () => {
    const value = {
      type: "work",
      streetAddress: "911 Universal City Plaza",
      locality: "Hollywood",
      region: "CA",
      postalCode: "91608",
      country: "US",
      formatted: "911 Universal City Plaza\nHollywood, CA 91608 US",
      primary: true,
    };
    const { resource } = apply(U, storedUser(), patchBody({ op: "replace", path: 'addresses[type eq "work"]', value }));
    expect((resource.addresses as unknown[])[0]).toEqual(value);
  });
  it('example 3: replace one sub-attribute of the matched values: addresses[type eq "work"].streetAddress', () => {
    const { resource, changes } = apply(U, storedUser(), patchBody({ op: "replace", path: 'addresses[type eq "work"].streetAddress', value: "1010 Broadway Ave" }));
    expect((resource.addresses as Record<string, unknown>[])[0]!.streetAddress).toBe("1010 Broadway Ave");
    expect(changes).toHaveLength(1);
  });
  it("example 4: replace without a path, multi-valued emails replaced whole, nickname set", () => {
    const { resource } = apply(
      U,
      storedUser(),
      patchBody({
        op: "replace",
        value: { emails: [{ value: "bjensen@example.com", type: "work", primary: true }, { value: "babs@jensen.org", type: "home" }], nickname: "Babs" },
      }),
    );
    expect(resource.emails).toEqual([{ value: "bjensen@example.com", type: "work", primary: true }, { value: "babs@jensen.org", type: "home" }]);
    expect(resource.nickName).toBe("Babs");
  });
  it('"If the target location is a multi-valued attribute and no filter is specified, the attribute and all values are replaced"', () => {
    const { resource } = apply(U, storedUser(), patchBody({ op: "replace", path: "phoneNumbers", value: [{ value: "555-555-1234", type: "home" }] }));
    expect(resource.phoneNumbers).toEqual([{ value: "555-555-1234", type: "home" }]);
  });
  it("a filter that matches nothing: 400 noTarget", () => {
    rejects(() => U.applyPatch(storedUser(), patchBody({ op: "replace", path: 'emails[type eq "other"].value', value: "x@example.com" })), 400, "noTarget");
    rejects(() => U.applyPatch(storedUser(), patchBody({ op: "replace", path: 'addresses[type eq "other"]', value: { locality: "X" } })), 400, "noTarget");
  });
  it("replace on a complex attribute merges sub-attributes", () => {
    const { resource } = apply(U, storedUser(), patchBody({ op: "replace", path: "name", value: { givenName: "Babs" } }));
    expect(resource.name).toEqual({ formatted: "Ms. Barbara J Jensen, III", familyName: "Jensen", givenName: "Babs" });
  });
  it("extension attributes by URN-qualified path and by an extension object without a path", () => {
    const a = apply(U, storedUser(), patchBody({ op: "replace", path: `${ENTERPRISE}:manager.value`, value: "new-manager-id" }));
    expect((a.resource[ENTERPRISE] as Record<string, Record<string, unknown>>).manager).toEqual({ value: "new-manager-id", displayName: "John Smith" });
    const b = apply(U, storedUser(), patchBody({ op: "replace", value: { [ENTERPRISE]: { department: "Ops" }, [`${ENTERPRISE}:division`]: "West" } }));
    expect(b.resource[ENTERPRISE]).toMatchObject({ department: "Ops", division: "West", employeeNumber: "701984" });
  });
  it('RFC 7643 §2.4: "primary" true on one value clears it on the others', () => {
    const { resource } = apply(U, storedUser(), patchBody({ op: "replace", path: 'emails[type eq "home"].primary', value: true }));
    expect(resource.emails).toEqual([
      { value: "bjensen@example.com", type: "work", primary: false },
      { value: "babs@jensen.org", type: "home", primary: true },
    ]);
    rejects(
      () => U.applyPatch(storedUser(), patchBody({ op: "add", path: "emails", value: [{ value: "a@x.org", primary: true }, { value: "b@x.org", primary: true }] })),
      400,
      "invalidValue",
      /primary/,
    );
  });
  it("an extension object appears with its URN in schemas, and goes with it when emptied", () => {
    const user = { ...storedUser() };
    delete user[ENTERPRISE];
    user.schemas = ["urn:ietf:params:scim:schemas:core:2.0:User"];
    const added = apply(U, user, patchBody({ op: "add", path: `${ENTERPRISE}:costCenter`, value: "4130" }));
    expect(added.resource.schemas).toEqual(["urn:ietf:params:scim:schemas:core:2.0:User", ENTERPRISE]);
    const removed = apply(U, added.resource, patchBody({ op: "remove", path: `${ENTERPRISE}:costCenter` }));
    expect(removed.resource).not.toHaveProperty(ENTERPRISE);
    expect(removed.resource.schemas).toEqual(["urn:ietf:params:scim:schemas:core:2.0:User"]);
  });
  it("a replace to the stored value is a no-op: changed false, resource is existing", () => {
    const result = apply(U, storedUser(), patchBody({ op: "replace", path: "title", value: "Tour Guide" }, { op: "replace", path: "name.givenName", value: "Barbara" }));
    expect(result.changed).toBe(false);
  });
});

describe("RFC 7644 §3.5.2 request shape", () => {
  const user = storedUser();
  it("schemas must be the PatchOp URN; Operations a non-empty array: 400 invalidSyntax", () => {
    rejects(() => U.applyPatch(user, { schemas: ["urn:x"], Operations: [{ op: "remove", path: "title" }] }), 400, "invalidSyntax");
    rejects(() => U.applyPatch(user, patchBody()), 400, "invalidSyntax", /at least one/);
    rejects(() => U.applyPatch(user, { schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"] }), 400, "invalidSyntax");
    rejects(() => U.applyPatch(user, "not json"), 400, "invalidSyntax");
    rejects(() => U.applyPatch(user, patchBody({ op: "move", path: "title" })), 400, "invalidSyntax");
    rejects(() => U.applyPatch(user, patchBody({ op: "add", path: 3, value: "x" })), 400, "invalidSyntax");
  });
  it("add and replace need a value: 400 invalidValue", () => {
    rejects(() => U.applyPatch(user, patchBody({ op: "add", path: "title" })), 400, "invalidValue");
  });
  it("the number of operations is bounded (maxOperations, default 1,000)", () => {
    const ops = Array.from({ length: 3 }, () => ({ op: "remove", path: "title" }));
    rejects(() => U.applyPatch(user, patchBody(...ops), { maxOperations: 2 }), 400, "invalidSyntax", /at most 2/);
    rejects(() => U.applyPatch(user, patchBody(...Array.from({ length: 1001 }, () => ({ op: "remove", path: "title" })))), 400, "invalidSyntax");
  });
  it("unknown attributes and structurally bad paths are invalidPath; bad filters invalidFilter", () => {
    rejects(() => U.applyPatch(user, patchBody({ op: "replace", path: "nosuch", value: "x" })), 400, "invalidPath");
    rejects(() => U.applyPatch(user, patchBody({ op: "replace", path: "name.nosuch", value: "x" })), 400, "invalidPath");
    rejects(() => U.applyPatch(user, patchBody({ op: "replace", path: "name..givenName", value: "x" })), 400, "invalidPath");
    rejects(() => U.applyPatch(user, patchBody({ op: "replace", path: "title[value eq \"x\"]", value: "x" })), 400, "invalidPath");
    rejects(() => U.applyPatch(user, patchBody({ op: "replace", path: "emails[type eq work]", value: {} })), 400, "invalidFilter");
    rejects(() => U.applyPatch(user, patchBody({ op: "replace", path: "emails[nosuch eq \"x\"]", value: {} })), 400, "invalidFilter");
  });
  it("a value of the wrong type is invalidValue and names the path", () => {
    rejects(() => U.applyPatch(user, patchBody({ op: "replace", path: "active", value: 3 })), 400, "invalidValue", /active/);
    rejects(() => U.applyPatch(user, patchBody({ op: "add", path: "emails", value: { value: "x" } })), 400, "invalidValue", /emails/);
  });
  it("op names are case-insensitive unless strict", () => {
    expect(U.applyPatch(user, patchBody({ op: "Replace", path: "title", value: "X" })).resource.title).toBe("X");
    rejects(() => U.applyPatch(user, patchBody({ op: "Replace", path: "title", value: "X" }), { strict: true }), 400, "invalidSyntax");
  });
  it("__proto__, constructor and prototype never reach an object key", () => {
    const body = JSON.parse('{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"add","value":{"__proto__":{"polluted":true}}}]}');
    rejects(() => U.applyPatch(user, body), 400, "invalidSyntax");
    const nested = JSON.parse('{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"add","path":"name","value":{"__proto__":{"polluted":true}}}]}');
    rejects(() => U.applyPatch(user, nested), 400, "invalidSyntax");
    rejects(() => U.applyPatch(user, patchBody({ op: "add", path: "constructor", value: "x" })), 400, "invalidPath");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
  it("atomic: the first failing operation fails the request and nothing is applied", () => {
    rejects(
      () => U.applyPatch(user, patchBody({ op: "replace", path: "title", value: "New" }, { op: "replace", path: "id", value: "x" })),
      400,
      "mutability",
      /Operations\[1\]/,
    );
    expect(user.title).toBe("Tour Guide");
  });
});
