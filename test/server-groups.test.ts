import { describe, expect, it } from "vitest";
import { GROUP, USER, setup } from "./server-helpers.js";

describe("RFC 7643 §4.1.2 User.groups, derived from Group members", () => {
  it("§4.1.2 a user's groups lists the Groups whose members contain it, with value, $ref, display and type direct", async () => {
    const { call, createUser, createGroup } = setup();
    const u = await createUser("member");
    const other = await createUser("other");
    const a = await createGroup("Alpha", [u.id, other.id]);
    const b = await createGroup("Beta", [u.id]);
    const r = await call("GET", `/Users/${u.id}`);
    expect(r.body.groups).toEqual([
      { value: a.id, $ref: `http://scim.test/scim/v2/Groups/${a.id}`, display: "Alpha", type: "direct" },
      { value: b.id, $ref: `http://scim.test/scim/v2/Groups/${b.id}`, display: "Beta", type: "direct" },
    ]);
    const list = await call("GET", `/Users?filter=${encodeURIComponent('userName eq "other"')}`);
    expect(list.body.Resources[0].groups.map((g: { value: string }) => g.value)).toEqual([a.id]);
  });
  it("§4.1.2 it never goes stale: renaming a group or removing the member shows on the next read", async () => {
    const { call, createUser, createGroup, patchOp } = setup();
    const u = await createUser("fresh");
    const g = await createGroup("Old", [u.id]);
    await call("PATCH", `/Groups/${g.id}`, { body: patchOp({ op: "replace", path: "displayName", value: "New" }) });
    expect((await call("GET", `/Users/${u.id}`)).body.groups[0].display).toBe("New");
    await call("PATCH", `/Groups/${g.id}`, { body: patchOp({ op: "remove", path: `members[value eq "${u.id}"]` }) });
    expect((await call("GET", `/Users/${u.id}`)).body).not.toHaveProperty("groups");
  });
  it("§4.1.2 groups is readOnly: ignored on POST/PUT (the representation as read may be PUT back), 400 mutability on PATCH", async () => {
    const { call, createUser, createGroup, patchOp, events } = setup();
    const u = await createUser("ro");
    await createGroup("G", [u.id]);
    const read = (await call("GET", `/Users/${u.id}`)).body;
    events.length = 0;
    const put = await call("PUT", `/Users/${u.id}`, { body: { ...read, title: "t" } });
    expect(put.status).toBe(200);
    expect(put.body.groups).toHaveLength(1);
    // sending back exactly what was read is no attempt on groups
    expect(events.filter((e) => e.path === "groups")).toEqual([]);
    const forged = await call("PUT", `/Users/${u.id}`, { body: { ...read, groups: [{ value: "forged" }] } });
    expect(forged.status).toBe(200);
    expect(forged.body.groups.map((g: { value: string }) => g.value)).not.toContain("forged");
    const p = await call("PATCH", `/Users/${u.id}`, { body: patchOp({ op: "add", path: "groups", value: [{ value: "x" }] }) });
    expect(p.status).toBe(400);
    expect(p.body.scimType).toBe("mutability");
  });
  it("§3.9 groups follows attributes/excludedAttributes like any attribute", async () => {
    const { call, createUser, createGroup } = setup();
    const u = await createUser("proj");
    await createGroup("G", [u.id]);
    expect((await call("GET", `/Users/${u.id}?excludedAttributes=groups`)).body).not.toHaveProperty("groups");
    expect((await call("GET", `/Users/${u.id}?attributes=userName`)).body).not.toHaveProperty("groups");
    const only = await call("GET", `/Users/${u.id}?attributes=groups.display`);
    expect(only.body.groups).toEqual([{ display: "G" }]);
  });
  it("RFC 7644 §3.6 deleting a user removes it from every group's members (new version) — no dangling member", async () => {
    const { call, createUser, createGroup } = setup();
    const u = await createUser("leaver");
    const stay = await createUser("stayer");
    const g = await createGroup("Team", [u.id, stay.id]);
    const solo = await createGroup("Solo", [u.id]);
    expect((await call("DELETE", `/Users/${u.id}`)).status).toBe(204);
    const team = (await call("GET", `/Groups/${g.id}`)).body;
    expect(team.members.map((m: { value: string }) => m.value)).toEqual([stay.id]);
    expect(team.meta.version).not.toBe(g.meta.version);
    const soloNow = (await call("GET", `/Groups/${solo.id}`)).body;
    expect(soloNow).not.toHaveProperty("members");
    // "SHALL NOT consider the deleted resource in any subsequent operation": filters do not find it either
    const f = await call("GET", `/Groups?filter=${encodeURIComponent(`members.value eq "${u.id}"`)}`);
    expect(f.body.totalResults).toBe(0);
  });
  it("RFC 7644 §3.6 deleting a group removes it from users' groups and from parent groups' members", async () => {
    const { call, createUser, createGroup } = setup();
    const u = await createUser("kid");
    const child = await createGroup("Child", [u.id]);
    const parent = await createGroup("Parent", [child.id]);
    await call("DELETE", `/Groups/${child.id}`);
    expect((await call("GET", `/Users/${u.id}`)).body).not.toHaveProperty("groups");
    expect((await call("GET", `/Groups/${parent.id}`)).body).not.toHaveProperty("members");
  });
  it("RFC 7643 §4.2 excludedAttributes=members on group GETs (Entra ID) leaves the rest", async () => {
    const { call, createUser, createGroup } = setup();
    const u = await createUser("x");
    const g = await createGroup("Big", [u.id]);
    const one = await call("GET", `/Groups/${g.id}?excludedAttributes=members`);
    expect(one.body).toMatchObject({ schemas: [GROUP], id: g.id, displayName: "Big" });
    expect(one.body).not.toHaveProperty("members");
    const list = await call("GET", `/Groups?excludedAttributes=members&filter=${encodeURIComponent('displayName eq "big"')}`);
    expect(list.body.Resources[0]).not.toHaveProperty("members");
    expect(list.body.Resources[0].displayName).toBe("Big");
  });
  it("RFC 7643 §4.1.2 POST with groups (Okta sends groups: []) ignores them and reports the attempt", async () => {
    const { call, events } = setup();
    const r = await call("POST", "/Users", { body: { schemas: [USER], userName: "ok", groups: [{ value: "g1" }] } });
    expect(r.status).toBe(201);
    expect(r.body).not.toHaveProperty("groups");
    expect(events).toEqual([expect.objectContaining({ kind: "create", path: "groups", action: "ignored", resourceId: r.body.id })]);
  });
});
