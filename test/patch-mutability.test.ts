// DESIGN §4 mutability in PATCH: decided by comparing the stored value with the result, every
// rejected attempt reported to onViolation with the operation index.
import { describe, expect, it } from "vitest";
import { GroupResourceType, UserResourceType, type ViolationEvent } from "../src/index.js";
import { MatrixResourceType } from "./fixtures-matrix.js";
import { BJENSEN_ID, EMPLOYEE, ENTERPRISE, JSMITH_ID, apply, deepFreeze, member, patchBody, rejects, storedGroup, storedUser } from "./patch-fixtures.js";

const M = MatrixResourceType;

function storedMatrix(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return deepFreeze({
    schemas: ["urn:example:params:scim:schemas:core:2.0:Matrix", EMPLOYEE],
    id: "m1",
    roDefault: "server-set",
    rwDefault: "rw",
    imDefault: "im-1",
    woDefault: "secret",
    rwRequired: 1,
    imRequired: "2020-01-01T00:00:00Z",
    roRequired: true,
    badges: [{ value: "b1", label: "gold", issuedBy: "hr" }],
    frozen: { a: "x" },
    profile: { nick: "n", since: "2019-05-01T00:00:00Z" },
    [EMPLOYEE]: { badgeId: "B-1", tenant: "acme", mentors: [{ value: "u1", display: "Ann" }] },
    meta: { resourceType: "Matrix", created: "2020-01-01T00:00:00Z", lastModified: "2020-01-01T00:00:00Z", version: 'W/"1"' },
    ...extra,
  });
}

function recorder() {
  const events: ViolationEvent[] = [];
  return { events, onViolation: (e: ViolationEvent) => events.push(e) };
}

describe("readOnly (RFC 7643 §7: a PATCH that targets it is 400 mutability)", () => {
  it("id, meta, meta.created, groups, manager.displayName; every attempt reported with its operation index", () => {
    const cases: [string, unknown][] = [
      ["id", "x"],
      ["meta", { version: "x" }],
      ["meta.created", "2020-01-01T00:00:00Z"],
      ["groups", [{ value: "g" }]],
      [`${ENTERPRISE}:manager.displayName`, "Jane"],
    ];
    for (const [path, value] of cases) {
      const { events, onViolation } = recorder();
      rejects(() => UserResourceType.applyPatch(storedUser(), patchBody({ op: "replace", path: "title", value: "t" }, { op: "add", path, value }), { onViolation }), 400, "mutability", /readOnly/);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ kind: "patch", resourceType: "User", resourceId: BJENSEN_ID, mutability: "readOnly", action: "rejected", operationIndex: 1, attempted: value });
    }
    rejects(() => UserResourceType.applyPatch(storedUser(), patchBody({ op: "remove", path: "groups" })), 400, "mutability");
  });
  it("a readOnly sub-attribute inside a value is rejected too (manager: { displayName })", () => {
    rejects(
      () => UserResourceType.applyPatch(storedUser(), patchBody({ op: "replace", path: `${ENTERPRISE}:manager`, value: { value: "m2", displayName: "Jane" } })),
      400,
      "mutability",
    );
    rejects(() => M.applyPatch(storedMatrix(), patchBody({ op: "add", path: "badges", value: [{ value: "b2", issuedBy: "me" }] })), 400, "mutability");
  });
  it("no bypass through a no-path value: it is expanded per attribute first", () => {
    rejects(() => UserResourceType.applyPatch(storedUser(), patchBody({ op: "replace", value: { displayName: "B", meta: { version: "x" } } })), 400, "mutability");
    rejects(() => UserResourceType.applyPatch(storedUser(), patchBody({ op: "replace", value: { id: "another-id" } })), 400, "mutability");
  });
  it("a no-path value repeating the resource's own id unchanged is tolerated (Okta group rename)", () => {
    const { resource, changes } = apply(GroupResourceType, storedGroup(), patchBody({ op: "replace", value: { id: "e9e30dba-f08f-4109-8486-d5c6a331660a", displayName: "Test SCIMv2" } }));
    expect(resource.displayName).toBe("Test SCIMv2");
    expect(changes).toEqual([{ op: "replace", path: "/displayName", value: "Test SCIMv2" }]);
  });
});

describe("immutable (RFC 7643 §7: set once; an equal value is a no-op; any change or removal is 400 mutability)", () => {
  it("replace with a different value, remove, and add over a stored value are rejected and reported with stored and attempted", () => {
    for (const body of [
      patchBody({ op: "replace", path: "imDefault", value: "im-2" }),
      patchBody({ op: "add", path: "imDefault", value: "im-2" }),
      patchBody({ op: "remove", path: "imDefault" }),
      patchBody({ op: "replace", value: { imDefault: "im-2" } }),
    ]) {
      const { events, onViolation } = recorder();
      rejects(() => M.applyPatch(storedMatrix(), body, { onViolation }), 400, "mutability", /immutable/);
      expect(events).toEqual([
        expect.objectContaining({ path: expect.stringContaining("imDefault"), mutability: "immutable", stored: "im-1", action: "rejected", operationIndex: 0 }),
      ]);
    }
  });
  it("the same value is a no-op; an unassigned immutable attribute may be set once", () => {
    expect(apply(M, storedMatrix(), patchBody({ op: "replace", path: "imDefault", value: "im-1" })).changed).toBe(false);
    const set = apply(M, storedMatrix(), patchBody({ op: "add", path: "imAlways", value: "first" }));
    expect(set.resource.imAlways).toBe("first");
    rejects(() => M.applyPatch(set.resource, patchBody({ op: "replace", path: "imAlways", value: "second" })), 400, "mutability");
  });
  it("immutable extension attribute (Employee badgeId) and hireDate", () => {
    rejects(() => M.applyPatch(storedMatrix(), patchBody({ op: "replace", path: `${EMPLOYEE}:badgeId`, value: "B-2" })), 400, "mutability");
    const hire = apply(M, storedMatrix(), patchBody({ op: "add", path: `${EMPLOYEE}:hireDate`, value: "2021-02-03T04:05:06Z" }));
    expect((hire.resource[EMPLOYEE] as Record<string, unknown>).hireDate).toBe("2021-02-03T04:05:06Z");
    // the same instant written differently is the same value (dateTime compares instants)
    expect(M.applyPatch(hire.resource, patchBody({ op: "replace", value: { [EMPLOYEE]: { hireDate: "2021-02-03T05:05:06+01:00" } } })).changed).toBe(false);
  });
  it("a sub-attribute under an immutable complex parent, and an immutable sub-attribute of a single complex value", () => {
    rejects(() => M.applyPatch(storedMatrix(), patchBody({ op: "replace", path: "frozen.a", value: "y" })), 400, "mutability");
    // the immutable complex value is stored, so even adding an unassigned sub-attribute changes it
    rejects(() => M.applyPatch(storedMatrix(), patchBody({ op: "add", path: "frozen.b", value: 2 })), 400, "mutability");
    expect(apply(M, storedMatrix({ frozen: undefined }), patchBody({ op: "add", path: "frozen.b", value: 2 })).resource.frozen).toEqual({ b: 2 });
    rejects(() => M.applyPatch(storedMatrix(), patchBody({ op: "replace", path: "profile.since", value: "2020-01-01T00:00:00Z" })), 400, "mutability");
    rejects(() => M.applyPatch(storedMatrix(), patchBody({ op: "remove", path: "profile" })), 400, "mutability");
    expect(apply(M, storedMatrix(), patchBody({ op: "replace", path: "profile.nick", value: "m" })).resource.profile).toEqual({ nick: "m", since: "2019-05-01T00:00:00Z" });
  });
  it("writeOnly stays writable", () => {
    expect(apply(M, storedMatrix(), patchBody({ op: "replace", path: "woDefault", value: "s2" })).resource.woDefault).toBe("s2");
    expect(apply(UserResourceType, storedUser(), patchBody({ op: "replace", path: "password", value: "n3w" })).resource.password).toBe("n3w");
  });
});

describe("members-style values (RFC 7643 §4.2: values may be added or removed; their sub-attributes are immutable)", () => {
  const group = () => storedGroup([member(BJENSEN_ID, "Babs Jensen"), { value: JSMITH_ID }]);
  it("changing a stored member's sub-attribute through a filter is rejected and reported with the member's path", () => {
    const { events, onViolation } = recorder();
    rejects(() => GroupResourceType.applyPatch(group(), patchBody({ op: "replace", path: `members[value eq "${BJENSEN_ID}"].display`, value: "B. Jensen" }), { onViolation }), 400, "mutability", /§4\.2/);
    expect(events[0]).toMatchObject({ path: `members[value eq "${BJENSEN_ID}"].display`, stored: "Babs Jensen", attempted: "B. Jensen" });
    rejects(() => GroupResourceType.applyPatch(group(), patchBody({ op: "remove", path: `members[value eq "${BJENSEN_ID}"].display` })), 400, "mutability");
    rejects(() => GroupResourceType.applyPatch(group(), patchBody({ op: "replace", path: `members[value eq "${BJENSEN_ID}"]`, value: { value: "other" } })), 400, "mutability");
  });
  it("an unassigned sub-attribute of a stored member may be set", () => {
    const { resource } = apply(GroupResourceType, group(), patchBody({ op: "add", path: `members[value eq "${JSMITH_ID}"].display`, value: "James Smith" }));
    expect((resource.members as unknown[])[1]).toEqual({ value: JSMITH_ID, display: "James Smith" });
  });
  it("replace of the whole list: kept members keep their stored sub-attributes; changing one is rejected", () => {
    const kept = apply(GroupResourceType, group(), patchBody({ op: "replace", path: "members", value: [{ value: BJENSEN_ID }, { value: "new-member" }] }));
    expect(kept.resource.members).toEqual([member(BJENSEN_ID, "Babs Jensen"), { value: "new-member" }]);
    rejects(() => GroupResourceType.applyPatch(group(), patchBody({ op: "replace", path: "members", value: [{ value: BJENSEN_ID, display: "Someone Else" }] })), 400, "mutability");
    // as in a PUT, the stored member is found by `value` alone: another `type` is a change too
    rejects(() => GroupResourceType.applyPatch(group(), patchBody({ op: "replace", path: "members", value: [{ value: BJENSEN_ID, type: "Group" }] })), 400, "mutability");
    expect(() => GroupResourceType.parseReplace({ schemas: ["urn:ietf:params:scim:schemas:core:2.0:Group"], displayName: "Tour Guides", members: [{ value: BJENSEN_ID, type: "Group" }] }, group())).toThrow(/immutable/);
  });
  it("the typed error message names the attribute path and the member", () => {
    const e = rejects(() => GroupResourceType.applyPatch(group(), patchBody({ op: "replace", path: `members[value eq "${BJENSEN_ID}"].type`, value: "Group" })), 400, "mutability");
    expect(e.detail).toContain("members.type");
    expect(e.detail).toContain(BJENSEN_ID);
  });
});

describe("writeOnly values are redacted in events", () => {
  it("a rejected PATCH on a writeOnly-holding value never logs the secret", () => {
    const { events, onViolation } = recorder();
    rejects(() => M.applyPatch(storedMatrix(), patchBody({ op: "replace", path: 'badges[value eq "b1"]', value: { value: "b2", secret: "c2VjcmV0" } }), { onViolation }), 400, "mutability");
    expect(JSON.stringify(events)).not.toContain("c2VjcmV0");
  });
});
