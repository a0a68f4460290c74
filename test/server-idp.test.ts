import { describe, expect, it } from "vitest";
import { EnterpriseUserSchema, GroupResourceType, UserResourceType, UserSchema, attr, defineResourceType, defineSchema, type ViolationEvent } from "../src/index.js";
import { MemoryStore, createScimHandler } from "../src/server/index.js";
import { ENTERPRISE, GROUP, USER, errorOf, fixture, hasFixtures, setup } from "./server-helpers.js";

/** A handler whose new ids come from a queue, so recorded exchanges replay with their own ids. */
function replaying(ids: string[]) {
  const queue = [...ids];
  return setup({ generateId: () => queue.shift() ?? crypto.randomUUID() });
}

describe.skipIf(!hasFixtures)("Microsoft Entra ID recorded shapes (elimity-idp-fixtures/azuread)", () => {
  it("RFC 7644 §3.3 create_user / create_group: client meta and empty roles are ignored, 201 as recorded", async () => {
    const { call } = setup();
    for (const name of ["azuread/create_user.json", "azuread/create_group.json"]) {
      const ex = fixture(name);
      const r = await call(ex.method, ex.path, { body: ex.request });
      expect(r.status, name).toBe(ex.statusCode);
      expect(r.body.externalId).toBe(ex.request.externalId);
      expect(r.body.meta.resourceType).toBe(ex.response.meta.resourceType);
    }
  });
  it("RFC 7644 §3.4.2.2 filter=userName eq \"x\" and displayName eq \"x\" lookups (get_user_query_0, get_user_query_resp, get_group_dn)", async () => {
    const { call, createUser, createGroup } = setup();
    const miss = fixture("azuread/get_user_query_0.json");
    const r0 = await call(miss.method, miss.path);
    expect(r0.status).toBe(200);
    expect(r0.body.totalResults).toBe(0);
    const hit = fixture("azuread/get_user_query_resp.json");
    await createUser(hit.response.Resources[0].userName);
    const r1 = await call(hit.method, hit.path);
    expect(r1.body.totalResults).toBe(1);
    const dn = fixture("azuread/get_group_dn.json");
    await createGroup("displayName");
    expect((await call(dn.method, dn.path)).body.totalResults).toBe(1);
  });
  it("RFC 7644 §3.5.2 update_user: capitalised ops, emails[type eq \"work\"].value, userName and active replaced", async () => {
    const ex = fixture("azuread/update_user.json");
    const id = ex.path.split("/").pop()!;
    const { call } = replaying([id]);
    const create = fixture("azuread/create_user.json");
    expect((await call("POST", "/Users", { body: create.request })).body.id).toBe(id);
    const r = await call(ex.method, ex.path, { body: ex.request });
    expect(r.status).toBe(ex.statusCode);
    expect(r.body).toMatchObject({
      userName: ex.response.userName,
      active: false,
      name: { familyName: "updatedFamilyName" },
      emails: [{ value: "updatedEmail@microsoft.com", type: "work", primary: true }],
    });
  });
  it("RFC 7644 §3.5.2 update_group: Replace displayName, Add members with $ref null, Remove members by a value array", async () => {
    const ex = fixture("azuread/update_group.json");
    const groupId = ex.path.split("/").pop()!;
    const memberId = ex.request.Operations[1].value[0].value as string;
    const { call } = replaying([memberId, "other-user", groupId]);
    await call("POST", "/Users", { body: { schemas: [USER], userName: "m" } });
    await call("POST", "/Users", { body: { schemas: [USER], userName: "o" } });
    await call("POST", "/Groups", { body: { schemas: [GROUP], displayName: "g", members: [{ value: "other-user" }] } });
    const r = await call(ex.method, ex.path, { body: ex.request });
    expect(r.status).toBe(200);
    expect(r.body.displayName).toBe(ex.response.displayName);
    expect(r.body.members.map((m: { value: string }) => m.value)).toEqual(["other-user"]);
  });
});

describe("Microsoft Entra ID shapes beyond the recordings (RFC 7644 §3.5.2, DESIGN §4 lenient forms)", () => {
  it("\"False\"/\"True\" strings as booleans, an Add through a filter matching nothing, manager as a bare string", async () => {
    const { call, createUser, patchOp } = setup();
    const boss = await createUser("boss");
    const u = await createUser("entra", { active: true });
    const r = await call("PATCH", `/Users/${u.id}`, {
      body: patchOp(
        { op: "Replace", path: "active", value: "False" },
        { op: "Add", path: 'emails[type eq "work"].value', value: "w@example.com" },
        { op: "Add", path: `${ENTERPRISE}:manager`, value: boss.id },
      ),
    });
    expect(r.status).toBe(200);
    expect(r.body.active).toBe(false);
    expect(r.body.emails).toEqual([{ type: "work", value: "w@example.com" }]);
    expect(r.body[ENTERPRISE].manager).toMatchObject({ value: boss.id });
    expect(r.body.schemas).toContain(ENTERPRISE);
    // strict mode refuses the same request
    const strict = setup({ strict: true });
    const su = await strict.createUser("entra");
    expect((await strict.call("PATCH", `/Users/${su.id}`, { body: patchOp({ op: "Replace", path: "active", value: "False" }) })).status).toBe(400);
  });
});

describe.skipIf(!hasFixtures)("Okta recorded shapes (elimity-idp-fixtures/okta)", () => {
  it("RFC 7644 §3.3 create_user with groups [] and a password; user_exists lookup with startIndex/count", async () => {
    const { call } = setup();
    const exists = fixture("okta/user_exists.json");
    expect((await call(exists.method, exists.path)).body).toMatchObject({ totalResults: 0, startIndex: 1 });
    const create = fixture("okta/create_user.json");
    const r = await call(create.method, create.path, { body: create.request });
    expect(r.status).toBe(201);
    expect(r.body).not.toHaveProperty("password");
    expect(r.body).toMatchObject({ userName: "test.user@okta.local", locale: "en-US", active: true });
    expect((await call(exists.method, exists.path)).body.totalResults).toBe(1);
  });
  it("RFC 7644 §3.5.1 update_user: a PUT carrying id, groups and meta succeeds", async () => {
    const ex = fixture("okta/update_user.json");
    const id = ex.path.split("/").pop()!;
    const { call, events } = replaying([id]);
    await call("POST", "/Users", { body: fixture("okta/create_user.json").request });
    events.length = 0;
    const r = await call(ex.method, ex.path, { body: ex.request });
    expect(r.status).toBe(200);
    expect(r.body.name).toEqual(ex.response.name);
    expect(r.body.id).toBe(id);
    // the id equals the stored one, so only meta is a (harmless, ignored) readOnly attempt
    expect(events.every((e) => e.action === "ignored")).toBe(true);
  });
  it("RFC 7644 §3.5.2.3 update_user_patch and update_group_name: no-path replace, even with the resource's own id", async () => {
    const userEx = fixture("okta/update_user_patch.json");
    const groupEx = fixture("okta/update_group_name.json");
    const userId = userEx.path.split("/").pop()!;
    const groupId = groupEx.path.split("/").pop()!;
    const { call } = replaying([userId, groupId]);
    await call("POST", "/Users", { body: fixture("okta/create_user.json").request });
    await call("POST", "/Groups", { body: fixture("okta/create_group.json").request });
    const u = await call(userEx.method, userEx.path, { body: userEx.request });
    expect(u.status).toBe(200);
    expect(u.body.active).toBe(false);
    const g = await call(groupEx.method, groupEx.path, { body: { ...groupEx.request, Operations: [{ op: "replace", value: { id: groupId, displayName: "Renamed" } }] } });
    expect(g.status).toBe(200);
    expect(g.body.displayName).toBe("Renamed");
    const same = await call(groupEx.method, groupEx.path, { body: groupEx.request });
    expect(same.status).toBe(200);
  });
  it("RFC 7644 §3.5.2 update_group_membership: remove by filter, add members without type, replace the list; then replace members []", async () => {
    const ex = fixture("okta/update_group_membership.json");
    const groupId = ex.path.split("/").pop()!;
    const a = ex.request.Operations[1].value[0].value as string;
    const b = ex.request.Operations[0].path.match(/"(.*)"/)![1] as string;
    const { call, patchOp } = replaying([a, b, groupId]);
    await call("POST", "/Users", { body: { schemas: [USER], userName: "a" } });
    await call("POST", "/Users", { body: { schemas: [USER], userName: "b" } });
    await call("POST", "/Groups", { body: { schemas: [GROUP], displayName: "Test SCIMv2", members: [{ value: b }] } });
    const r = await call(ex.method, ex.path, { body: ex.request });
    expect(r.status).toBe(ex.statusCode);
    expect(r.body.members.map((m: { value: string }) => m.value).sort()).toEqual([a, b].sort());
    const userA = await call("GET", `/Users/${a}`);
    expect(userA.body.groups).toEqual([expect.objectContaining({ value: groupId, display: "Test SCIMv2", type: "direct" })]);
    const emptied = await call("PATCH", ex.path, { body: patchOp({ op: "replace", path: "members", value: [] }) });
    expect(emptied.status).toBe(200);
    expect(emptied.body).not.toHaveProperty("members");
    expect((await call("GET", `/Users/${a}`)).body).not.toHaveProperty("groups");
  });
});

describe("RFC 7643 §7 mutability through the handler, with onViolation (DESIGN §4)", () => {
  const Badge = defineSchema({
    id: "urn:example:params:scim:schemas:extension:acme:2.0:Badge",
    name: "Badge",
    attributes: { badgeId: attr.string({ required: true, mutability: "immutable", caseExact: true, uniqueness: "server" }) },
  });
  const AcmeUser = defineResourceType({
    name: "User",
    endpoint: "/Users",
    schema: UserSchema,
    extensions: [
      { schema: EnterpriseUserSchema, required: false },
      { schema: Badge, required: true },
    ],
  });
  const BADGE = Badge.id;
  const make = () => {
    const events: ViolationEvent[] = [];
    const handler = createScimHandler({ resourceTypes: [AcmeUser, GroupResourceType], store: new MemoryStore(), onViolation: (e) => events.push(e) });
    const call = async (method: string, path: string, body?: unknown) => {
      const res = await handler(
        new Request(`http://acme.test${path}`, { method, headers: { "content-type": "application/scim+json" }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) }),
      );
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : undefined };
    };
    return { events, call };
  };
  const user = (badgeId: string, userName = "acme") => ({ schemas: [USER, BADGE], userName, [BADGE]: { badgeId } });

  it("RFC 7644 §3.5.1 a PUT that changes an immutable value is 400 mutability, reported with resourceType and resourceId", async () => {
    const { call, events } = make();
    const u = (await call("POST", "/Users", user("B-1"))).body;
    const r = await call("PUT", `/Users/${u.id}`, user("B-2"));
    expect(r.status).toBe(400);
    expect(r.body.scimType).toBe("mutability");
    expect(events.at(-1)).toMatchObject({ kind: "replace", resourceType: "User", resourceId: u.id, path: `${BADGE}:badgeId`, action: "rejected", stored: "B-1", attempted: "B-2" });
    expect((await call("GET", `/Users/${u.id}`)).body[BADGE].badgeId).toBe("B-1");
    expect((await call("PUT", `/Users/${u.id}`, { ...user("B-1"), title: "ok" })).status).toBe(200);
  });
  it("RFC 7644 §3.5.2 a PATCH that changes an immutable value is 400 mutability with an event naming the operation", async () => {
    const { call, events } = make();
    const u = (await call("POST", "/Users", user("B-1"))).body;
    const r = await call("PATCH", `/Users/${u.id}`, {
      schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
      Operations: [{ op: "replace", path: "title", value: "t" }, { op: "replace", path: `${BADGE}:badgeId`, value: "B-9" }],
    });
    expect(r.status).toBe(400);
    expect(r.body.scimType).toBe("mutability");
    expect(events.at(-1)).toMatchObject({ kind: "patch", resourceType: "User", resourceId: u.id, operationIndex: 1, action: "rejected" });
    // the whole PATCH failed: title unchanged, version unchanged
    const after = (await call("GET", `/Users/${u.id}`)).body;
    expect(after.title).toBeUndefined();
    expect(after.meta.version).toBe(u.meta.version);
  });
  it("RFC 7643 §7 uniqueness server on an extension attribute (caseExact) → 409", async () => {
    const { call } = make();
    await call("POST", "/Users", user("B-1", "one"));
    expect((await call("POST", "/Users", user("B-1", "two"))).status).toBe(409);
    expect((await call("POST", "/Users", user("b-1", "three"))).status).toBe(201);
  });
  it("RFC 7643 §4.2 changing a stored member's immutable sub-attribute via PATCH is 400 mutability", async () => {
    const { call, createUser, createGroup, patchOp, events } = setup();
    const u = await createUser("m");
    const g = await createGroup("G", [], { members: [{ value: u.id, display: "M" }] });
    const r = await call("PATCH", `/Groups/${g.id}`, { body: patchOp({ op: "replace", path: `members[value eq "${u.id}"].display`, value: "X" }) });
    expect(errorOf(r)).toMatchObject({ status: "400", scimType: "mutability" });
    expect(events.at(-1)).toMatchObject({ kind: "patch", resourceType: "Group", resourceId: g.id, action: "rejected" });
  });
});
