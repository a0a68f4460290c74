// DESIGN §4 lenient forms real IdPs send, accepted by default and rejected with { strict: true }.
// The Entra ID and Okta bodies are read from the recorded fixtures in ../shared/external.
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { GroupResourceType, UserResourceType } from "../src/index.js";
import { BJENSEN_ID, ENTERPRISE, apply, deepFreeze, member, patchBody, rejects, storedGroup, storedUser } from "./patch-fixtures.js";

const fixtures = fileURLToPath(new URL("../../shared/external/elimity-idp-fixtures/", import.meta.url));
const recorded = (file: string) => JSON.parse(readFileSync(`${fixtures}${file}`, "utf8")).request as Record<string, unknown>;
const haveFixtures = existsSync(fixtures);

describe("Microsoft Entra ID request shapes", () => {
  it.runIf(haveFixtures)("azuread/update_group.json: Replace/Add/Remove capitalised, members added with $ref null, removed by a value array", () => {
    const body = recorded("azuread/update_group.json");
    const group = storedGroup([member(BJENSEN_ID, "Babs Jensen")]);
    const { resource } = apply(GroupResourceType, group, body);
    expect(resource.displayName).toBe("1879db59-3bdf-4490-ad68-ab880a269474updatedDisplayName");
    // added then removed again by the non-RFC remove-with-value form: only that member goes
    expect(resource.members).toEqual([member(BJENSEN_ID, "Babs Jensen")]);
    rejects(() => GroupResourceType.applyPatch(group, body, { strict: true }), 400, "invalidSyntax");
  });
  it.runIf(haveFixtures)("azuread/update_user.json: Replace of emails[type eq \"work\"].value, name.familyName, userName, active", () => {
    const { resource } = apply(UserResourceType, storedUser(), recorded("azuread/update_user.json"));
    expect((resource.emails as Record<string, unknown>[])[0]).toEqual({ value: "updatedEmail@microsoft.com", type: "work", primary: true });
    expect((resource.name as Record<string, unknown>).familyName).toBe("updatedFamilyName");
    expect(resource.active).toBe(false);
  });
  it('booleans as "True"/"False" strings in PATCH values', () => {
    const { resource } = apply(UserResourceType, storedUser(), patchBody({ op: "Replace", path: "active", value: "False" }));
    expect(resource.active).toBe(false);
    expect(apply(UserResourceType, storedUser(), patchBody({ op: "replace", value: { active: "TRUE" } })).changed).toBe(false);
    rejects(() => UserResourceType.applyPatch(storedUser(), patchBody({ op: "replace", path: "active", value: "False" }), { strict: true }), 400, "invalidValue");
  });
  it('add through a value filter that matches nothing creates the value: emails[type eq "work"].value', () => {
    const user = deepFreeze({ ...storedUser(), emails: [{ value: "babs@jensen.org", type: "home" }] });
    const { resource } = apply(UserResourceType, user, patchBody({ op: "Add", path: 'emails[type eq "work"].value', value: "bjensen@example.com" }));
    expect(resource.emails).toEqual([{ value: "babs@jensen.org", type: "home" }, { type: "work", value: "bjensen@example.com" }]);
    rejects(() => UserResourceType.applyPatch(user, patchBody({ op: "add", path: 'emails[type eq "work"].value', value: "x@y.z" }), { strict: true }), 400, "noTarget");
    rejects(() => UserResourceType.applyPatch(user, patchBody({ op: "replace", path: 'emails[type eq "work"].value', value: "x@y.z" })), 400, "noTarget");
  });
  it("a bare string for a complex attribute with a value sub-attribute: manager", () => {
    const { resource } = apply(UserResourceType, storedUser(), patchBody({ op: "Replace", path: `${ENTERPRISE}:manager`, value: "new-manager-id" }));
    expect((resource[ENTERPRISE] as Record<string, unknown>).manager).toEqual({ value: "new-manager-id", displayName: "John Smith" });
    rejects(() => UserResourceType.applyPatch(storedUser(), patchBody({ op: "replace", path: `${ENTERPRISE}:manager`, value: "m" }), { strict: true }), 400, "invalidValue");
  });
  it("a bare id for a multi-valued complex attribute with a value sub-attribute: members", () => {
    const { resource } = apply(GroupResourceType, storedGroup(), patchBody({ op: "add", path: "members", value: "string id 1" }));
    expect((resource.members as unknown[]).at(-1)).toEqual({ value: "string id 1" });
    const removed = apply(GroupResourceType, resource, patchBody({ op: "Remove", path: "members", value: "string id 1" }));
    expect(removed.resource.members).toEqual(storedGroup().members);
    rejects(() => GroupResourceType.applyPatch(storedGroup(), patchBody({ op: "add", path: "members", value: "string id 1" }), { strict: true }), 400, "invalidValue");
  });
  it('"value" arrays of one element for single-valued attributes', () => {
    const { resource } = apply(UserResourceType, storedUser(), patchBody({ op: "Replace", path: "displayName", value: ["Barbara"] }));
    expect(resource.displayName).toBe("Barbara");
    rejects(() => UserResourceType.applyPatch(storedUser(), patchBody({ op: "replace", path: "displayName", value: ["Barbara"] }), { strict: true }), 400, "invalidValue");
  });
});

describe("Okta request shapes", () => {
  it.runIf(haveFixtures)("okta/update_group_membership.json: remove by filter, add, then replace the whole list", () => {
    const group = storedGroup([{ value: "89bb1940-b905-4575-9e7f-6f887cfb368e", display: "test.user@okta.local" }]);
    const { resource } = apply(GroupResourceType, group, recorded("okta/update_group_membership.json"));
    expect(resource.members).toEqual([
      { value: "23a35c27-23d3-4c03-b4c5-6443c09e7173", display: "test.user@okta.local" },
      { value: "89bb1940-b905-4575-9e7f-6f887cfb368e", display: "test.user@okta.local" },
    ]);
  });
  it.runIf(haveFixtures)("okta/update_group_name.json: no-path replace repeating the group's own id", () => {
    const body = recorded("okta/update_group_name.json");
    const id = ((body.Operations as Record<string, Record<string, string>>[])[0]!.value as Record<string, string>).id!;
    const { resource } = apply(GroupResourceType, deepFreeze({ ...storedGroup(), id }), body);
    expect(resource.displayName).toBe("Test SCIMv2");
  });
  it.runIf(haveFixtures)("okta/update_user_patch.json: no-path replace of active", () => {
    expect(apply(UserResourceType, storedUser(), recorded("okta/update_user_patch.json")).resource.active).toBe(false);
  });
  it("members added without type, and `replace members []` empties the group", () => {
    const added = apply(GroupResourceType, storedGroup(), patchBody({ op: "add", path: "members", value: [{ value: "u2", display: "u2@okta.local" }] }));
    expect(added.resource.members).toHaveLength(2);
    const emptied = apply(GroupResourceType, added.resource, patchBody({ op: "replace", path: "members", value: [] }));
    expect(emptied.resource).not.toHaveProperty("members");
  });
});
