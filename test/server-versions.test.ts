import { describe, expect, it } from "vitest";
import { GroupResourceType, UserResourceType } from "../src/index.js";
import { MemoryStore, type Store, createScimHandler } from "../src/server/index.js";
import { BASE, GROUP, USER, errorOf, setup } from "./server-helpers.js";

describe("RFC 7644 §3.14 versions and ETags", () => {
  it("§3.14 meta.version is a weak ETag that changes on every real modification (PUT, PATCH) and equals the ETag header", async () => {
    const { call, createUser, patchOp } = setup();
    const u = await createUser("v", { title: "a" });
    expect(u.meta.version).toMatch(/^W\/".+"$/);
    const put = await call("PUT", `/Users/${u.id}`, { body: { schemas: [USER], userName: "v", title: "b" } });
    expect(put.status).toBe(200);
    expect(put.headers.get("etag")).toBe(put.body.meta.version);
    expect(put.body.meta.version).not.toBe(u.meta.version);
    const patched = await call("PATCH", `/Users/${u.id}`, { body: patchOp({ op: "replace", path: "title", value: "c" }) });
    expect(patched.headers.get("etag")).toBe(patched.body.meta.version);
    expect(new Set([u.meta.version, put.body.meta.version, patched.body.meta.version]).size).toBe(3);
    expect(patched.body.meta.created).toBe(u.meta.created);
  });
  it("§3.5.2 a no-op PATCH (and a PUT that changes nothing) keeps meta.version and meta.lastModified", async () => {
    let t = Date.parse("2026-01-01T00:00:00Z");
    const { call, createUser, createGroup, patchOp } = setup({ now: () => new Date((t += 1000)) });
    const u = await createUser("same", { title: "t" });
    const g = await createGroup("g", [u.id]);
    const noop = await call("PATCH", `/Groups/${g.id}`, {
      body: patchOp({ op: "add", path: "members", value: [{ value: u.id }] }, { op: "replace", path: "displayName", value: "g" }),
    });
    expect(noop.status).toBe(200);
    expect(noop.body.meta.version).toBe(g.meta.version);
    expect(noop.body.meta.lastModified).toBe(g.meta.lastModified);
    expect(noop.headers.get("etag")).toBe(g.meta.version);
    const samePut = await call("PUT", `/Users/${u.id}`, { body: { schemas: [USER], userName: "same", title: "t" } });
    expect(samePut.body.meta).toMatchObject({ version: u.meta.version, lastModified: u.meta.lastModified });
  });
  it("§3.14 If-None-Match on GET by id: 304 with the ETag when it matches (weakly, or *), 200 otherwise", async () => {
    const { call, createUser } = setup();
    const u = await createUser("inm");
    const weak = await call("GET", `/Users/${u.id}`, { headers: { "if-none-match": u.meta.version } });
    expect(weak.status).toBe(304);
    expect(weak.text).toBe("");
    expect(weak.headers.get("etag")).toBe(u.meta.version);
    const strongForm = u.meta.version.slice(2);
    expect((await call("GET", `/Users/${u.id}`, { headers: { "if-none-match": strongForm } })).status).toBe(304);
    expect((await call("GET", `/Users/${u.id}`, { headers: { "if-none-match": `W/"other", ${u.meta.version}` } })).status).toBe(304);
    expect((await call("GET", `/Users/${u.id}`, { headers: { "if-none-match": "*" } })).status).toBe(304);
    expect((await call("GET", `/Users/${u.id}`, { headers: { "if-none-match": 'W/"other"' } })).status).toBe(200);
  });
  it("§3.14 If-Match on PUT, PATCH and DELETE: a stale version is 412 and changes nothing; the current one or * succeeds", async () => {
    const { call, createUser, patchOp } = setup();
    const u = await createUser("im", { title: "a" });
    const v1 = u.meta.version as string;
    const ok = await call("PATCH", `/Users/${u.id}`, { body: patchOp({ op: "replace", path: "title", value: "b" }), headers: { "if-match": v1 } });
    expect(ok.status).toBe(200);
    const v2 = ok.body.meta.version as string;
    const stalePatch = await call("PATCH", `/Users/${u.id}`, { body: patchOp({ op: "replace", path: "title", value: "c" }), headers: { "if-match": v1 } });
    expect(stalePatch.status).toBe(412);
    expect(errorOf(stalePatch).status).toBe("412");
    const stalePut = await call("PUT", `/Users/${u.id}`, { body: { schemas: [USER], userName: "im" }, headers: { "if-match": v1 } });
    expect(stalePut.status).toBe(412);
    const staleDelete = await call("DELETE", `/Users/${u.id}`, { headers: { "if-match": v1 } });
    expect(staleDelete.status).toBe(412);
    expect((await call("GET", `/Users/${u.id}`)).body.title).toBe("b");
    const star = await call("PUT", `/Users/${u.id}`, { body: { schemas: [USER], userName: "im", title: "d" }, headers: { "if-match": "*" } });
    expect(star.status).toBe(200);
    const v3 = star.body.meta.version as string;
    expect(v3).not.toBe(v2);
    expect((await call("DELETE", `/Users/${u.id}`, { headers: { "if-match": `"nope", ${v3}` } })).status).toBe(204);
    expect((await call("DELETE", `/Users/${u.id}`, { headers: { "if-match": "*" } })).status).toBe(404);
  });
  it("§3.14 20 concurrent PATCHes with If-Match on one Group: each succeeds or gets 412; the final state holds exactly the successful ones", async () => {
    const { call, createUser, createGroup, patchOp } = setup();
    const users = [];
    for (let i = 0; i < 20; i++) users.push(await createUser(`member${i}`));
    const g = await createGroup("busy");
    const version = g.meta.version as string;
    const replies = await Promise.all(
      users.map((u) =>
        call("PATCH", `/Groups/${g.id}`, { body: patchOp({ op: "add", path: "members", value: [{ value: u.id }] }), headers: { "if-match": version } }),
      ),
    );
    const statuses = replies.map((r) => r.status);
    expect(statuses.every((s) => s === 200 || s === 412)).toBe(true);
    const winners = users.filter((_, i) => statuses[i] === 200).map((u) => u.id as string);
    expect(winners.length).toBeGreaterThanOrEqual(1);
    const final = await call("GET", `/Groups/${g.id}`);
    const members = (final.body.members ?? []).map((m: { value: string }) => m.value);
    expect(members.sort()).toEqual([...winners].sort());
    // …and with a fresh If-Match each time, one after another, all succeed
    let current = final.body.meta.version as string;
    for (const u of users.filter((x) => !winners.includes(x.id))) {
      const r = await call("PATCH", `/Groups/${g.id}`, { body: patchOp({ op: "add", path: "members", value: [{ value: u.id }] }), headers: { "if-match": current } });
      expect(r.status).toBe(200);
      current = r.body.meta.version;
    }
    expect((await call("GET", `/Groups/${g.id}`)).body.members).toHaveLength(20);
  });
  it("§3.5.2 concurrent PATCHes without If-Match lose no update: the handler re-reads and re-applies", async () => {
    const { call, createUser, createGroup, patchOp } = setup({ maxWriteRetries: 25 });
    const users = [];
    for (let i = 0; i < 20; i++) users.push(await createUser(`m${i}`));
    const g = await createGroup("crowd");
    // Interleave the reads and writes: a store whose get yields to the event loop first.
    const replies = await Promise.all(
      users.map((u) => call("PATCH", `/Groups/${g.id}`, { body: patchOp({ op: "add", path: "members", value: [{ value: u.id }] }) })),
    );
    // Up to 20 writers race for one resource, so 25 re-applications always suffice: all succeed.
    expect(replies.map((r) => r.status)).toEqual(Array(20).fill(200));
    const members = (await call("GET", `/Groups/${g.id}`)).body.members.map((m: { value: string }) => m.value);
    expect(members.sort()).toEqual(users.map((u) => u.id).sort());
  });
  it("§3.5.2 re-application is bounded: with maxWriteRetries 0 a lost race without If-Match is 412; with enough, all succeed", async () => {
    // A store whose replace always sees a concurrent change first (a busy resource).
    const base = new MemoryStore();
    let races = 0;
    const racing: Store = {
      get: (t, id) => base.get(t, id),
      list: (t, q) => base.list(t, q),
      create: (t, r, i) => base.create(t, r, i),
      delete: (t, id, o) => base.delete(t, id, o),
      memberships: (ids) => base.memberships(ids),
      replace: async (...args: Parameters<Store["replace"]>) => {
        if (races > 0) {
          races--;
          const [t, id] = args;
          const cur = (await base.get(t, id))!;
          const meta = cur.meta as Record<string, unknown>;
          await base.replace(t, id, { ...cur, title: `other${races}`, meta: { ...meta, version: `W/"x${races}"` } }, { unique: [{ attribute: "userName", value: String(cur.userName) }], members: [], display: undefined });
        }
        return base.replace(...args);
      },
    };
    const make = (maxWriteRetries: number) => createScimHandler({ resourceTypes: [UserResourceType, GroupResourceType], store: racing, maxWriteRetries });
    const create = await make(0)(new Request(`${BASE}/Users`.replace("/scim/v2", ""), { method: "POST", headers: { "content-type": "application/scim+json" }, body: JSON.stringify({ schemas: [USER], userName: "race" }) }));
    const id = (await create.json()).id;
    const patch = (h: ReturnType<typeof make>) =>
      h(new Request(`http://scim.test/Users/${id}`, { method: "PATCH", headers: { "content-type": "application/scim+json" }, body: JSON.stringify({ schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], Operations: [{ op: "add", path: "nickName", value: "n" }] }) }));
    races = 1;
    expect((await patch(make(0))).status).toBe(412);
    races = 3;
    const ok = await patch(make(3));
    expect(ok.status).toBe(200);
    const body = await ok.json();
    expect(body).toMatchObject({ nickName: "n", title: "other0" });
  });
});

describe("RFC 7643 §7 uniqueness → RFC 7644 §3.3/§3.5 409", () => {
  it("§3.3 POST with a userName that differs only in case is 409 uniqueness (userName is caseExact false)", async () => {
    const { call, createUser } = setup();
    await createUser("bjensen");
    const r = await call("POST", "/Users", { body: { schemas: [USER], userName: "BJensen" } });
    expect(r.status).toBe(409);
    expect(errorOf(r)).toMatchObject({ status: "409", scimType: "uniqueness" });
  });
  it("§3.5.1 PUT and §3.5.2 PATCH onto another user's userName are 409; onto one's own (any case) is fine", async () => {
    const { call, createUser, patchOp } = setup();
    await createUser("taken");
    const u = await createUser("mine");
    expect((await call("PUT", `/Users/${u.id}`, { body: { schemas: [USER], userName: "TAKEN" } })).status).toBe(409);
    const p = await call("PATCH", `/Users/${u.id}`, { body: patchOp({ op: "replace", path: "userName", value: "Taken" }) });
    expect(p.status).toBe(409);
    expect(errorOf(p).scimType).toBe("uniqueness");
    expect((await call("PATCH", `/Users/${u.id}`, { body: patchOp({ op: "replace", path: "userName", value: "MINE" }) })).status).toBe(200);
    expect((await call("GET", `/Users/${u.id}`)).body.userName).toBe("MINE");
  });
  it("§3.3 uniqueness holds under concurrency: of 10 simultaneous POSTs with one userName exactly one wins", async () => {
    const { call } = setup();
    const replies = await Promise.all(
      Array.from({ length: 10 }, (_, i) => call("POST", "/Users", { body: { schemas: [USER], userName: i % 2 ? "Same" : "same" } })),
    );
    expect(replies.filter((r) => r.status === 201)).toHaveLength(1);
    expect(replies.filter((r) => r.status === 409)).toHaveLength(9);
  });
  it("§3.6 a deleted user's userName is free again", async () => {
    const { call, createUser } = setup();
    const u = await createUser("reuse");
    await call("DELETE", `/Users/${u.id}`);
    expect((await call("POST", "/Users", { body: { schemas: [USER], userName: "reuse" } })).status).toBe(201);
  });
  it("RFC 7643 §4.2 Group displayName has uniqueness none: two groups may share it", async () => {
    const { call } = setup();
    expect((await call("POST", "/Groups", { body: { schemas: [GROUP], displayName: "dup" } })).status).toBe(201);
    expect((await call("POST", "/Groups", { body: { schemas: [GROUP], displayName: "dup" } })).status).toBe(201);
  });
});
