// End-to-end: the reference server as `npm run serve` runs it, driven over real HTTP on
// 127.0.0.1 with fetch. Every route, auth, the body limit, ETags and If-Match under concurrent
// writers, the immutable Employee extension with its audit rows, and durability across restarts.
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type Call, type RunningServer, SCIM, client, startServer, tempDir } from "./e2e-harness.js";

const USER = "urn:ietf:params:scim:schemas:core:2.0:User";
const GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
const ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
const EMPLOYEE = "urn:example:params:scim:schemas:extension:reference:2.0:Employee";
const PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
const LIST = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
const ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";

const tmp = tempDir();
let server: RunningServer;
let call: Call;

beforeAll(async () => {
  server = await startServer({ dbPath: join(tmp.path, "main.db"), env: { SCIM_MAX_BODY_BYTES: "65536" } });
  call = client(server);
});
afterAll(async () => {
  await server?.stop();
  tmp.remove();
});

let seq = 0;
const newUser = (extra: Record<string, unknown> = {}): Record<string, unknown> => {
  seq += 1;
  return {
    schemas: [USER],
    userName: `user${seq}@example.com`,
    name: { givenName: "Given", familyName: `Family${seq}` },
    emails: [{ value: `user${seq}@example.com`, type: "work", primary: true }],
    active: true,
    ...extra,
  };
};
async function createUser(extra: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
  const res = await call("POST", "/Users", newUser(extra));
  expect(res.status, res.text).toBe(201);
  return res.body as Record<string, unknown>;
}
async function createGroup(displayName: string, members: string[] = []): Promise<Record<string, unknown>> {
  const res = await call("POST", "/Groups", { schemas: [GROUP], displayName, members: members.map((value) => ({ value })) });
  expect(res.status, res.text).toBe(201);
  return res.body as Record<string, unknown>;
}
const ops = (...operations: Record<string, unknown>[]): Record<string, unknown> => ({ schemas: [PATCH_OP], Operations: operations });
const memberIds = (group: Record<string, unknown> | undefined): string[] =>
  ((group?.members as { value: string }[] | undefined) ?? []).map((m) => m.value).sort();

function auditRows(dbPath: string): { kind: string; resource_id: string | null; path: string; action: string; mutability: string }[] {
  // WAL lets a second connection read while the server writes.
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    return db.prepare("SELECT kind, resource_id, path, action, mutability FROM audit ORDER BY seq").all() as never;
  } finally {
    db.close();
  }
}

describe("authentication", () => {
  test("401 with a SCIM error body and WWW-Authenticate, without a token and with a wrong one", async () => {
    for (const headers of [{ authorization: "" }, { authorization: "Bearer wrong-token" }, { authorization: "Basic dXNlcjpwYXNz" }, { authorization: "non-token" }]) {
      const res = await call("GET", "/Users", undefined, headers);
      expect(res.status).toBe(401);
      expect(res.headers.get("www-authenticate")).toMatch(/^Bearer/);
      expect(res.headers.get("content-type")).toContain(SCIM);
      expect(res.body).toMatchObject({ schemas: [ERROR], status: "401" });
      expect(typeof res.body?.detail).toBe("string");
    }
    const discovery = await call("GET", "/ServiceProviderConfig", undefined, { authorization: "" });
    expect(discovery.status).toBe(401);
    expect((await call("GET", "/Users", undefined, { authorization: `bearer ${server.token}` })).status).toBe(200);
  });

  test("the token never reaches the log", async () => {
    await call("GET", "/Users?count=1");
    await call("GET", "/Users", undefined, { authorization: "Bearer wrong-token" });
    expect(server.output()).toMatch(/GET \/scim\/v2\/Users\?count=1 200/);
    expect(server.output()).not.toContain(server.token);
    expect(server.output()).not.toContain("wrong-token");
  });

  test("paths outside /scim/v2 are SCIM 404s", async () => {
    const res = await fetch(`http://127.0.0.1:${server.port}/nowhere`, { signal: AbortSignal.timeout(5000) });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ schemas: [ERROR], status: "404" });
  });
});

describe("body-size limit (65536 bytes on this server)", () => {
  const big = (): Record<string, unknown> => newUser({ displayName: "x".repeat(70_000) });

  test("413 from Content-Length, before the body is read", async () => {
    const res = await call("POST", "/Users", big());
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ schemas: [ERROR], status: "413" });
  });

  test("413 while streaming a body that has no Content-Length", async () => {
    const bytes = new TextEncoder().encode(JSON.stringify(big()));
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 8192) controller.enqueue(bytes.subarray(i, i + 8192));
        controller.close();
      },
    });
    const res = await fetch(`${server.base}/Users`, {
      method: "POST",
      headers: { authorization: `Bearer ${server.token}`, "content-type": SCIM },
      body: stream,
      duplex: "half",
      signal: AbortSignal.timeout(10_000),
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ schemas: [ERROR], status: "413" });
  });

  test("a chunked body under the limit goes through", async () => {
    const bytes = new TextEncoder().encode(JSON.stringify(newUser()));
    const res = await fetch(`${server.base}/Users`, {
      method: "POST",
      headers: { authorization: `Bearer ${server.token}`, "content-type": SCIM },
      body: new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(bytes);
          controller.close();
        },
      }),
      duplex: "half",
      signal: AbortSignal.timeout(10_000),
    } as RequestInit);
    expect(res.status).toBe(201);
  });
});

describe("discovery", () => {
  test("/ServiceProviderConfig, /Schemas, /ResourceTypes", async () => {
    const spc = await call("GET", "/ServiceProviderConfig");
    expect(spc.status).toBe(200);
    expect(spc.headers.get("content-type")).toContain(SCIM);
    expect(spc.body).toMatchObject({ patch: { supported: true }, etag: { supported: true }, filter: { supported: true } });
    expect((spc.body?.authenticationSchemes as { type: string }[])[0]?.type).toBe("oauthbearertoken");

    const schemas = await call("GET", "/Schemas");
    expect(schemas.status).toBe(200);
    const ids = (schemas.body?.Resources as { id: string }[]).map((s) => s.id);
    expect(ids).toEqual(expect.arrayContaining([USER, GROUP, ENTERPRISE, EMPLOYEE]));

    const employee = await call("GET", `/Schemas/${EMPLOYEE}`);
    expect(employee.status).toBe(200);
    const attrs = employee.body?.attributes as { name: string; mutability: string; uniqueness?: string; type: string }[];
    expect(attrs.find((a) => a.name === "employeeId")).toMatchObject({ type: "string", mutability: "immutable", uniqueness: "server" });
    expect(attrs.find((a) => a.name === "hireDate")).toMatchObject({ type: "dateTime", mutability: "immutable" });

    const types = await call("GET", "/ResourceTypes");
    expect((types.body?.Resources as { id: string }[]).map((r) => r.id).sort()).toEqual(["Group", "User"]);
    const user = await call("GET", "/ResourceTypes/User");
    expect(user.body).toMatchObject({
      endpoint: "/Users",
      schema: USER,
      schemaExtensions: expect.arrayContaining([{ schema: ENTERPRISE, required: false }, { schema: EMPLOYEE, required: false }]),
    });
    expect((await call("GET", "/Schemas/urn:nope")).status).toBe(404);
    expect((await call("POST", "/Schemas", {})).status).toBe(405);
  });

  test("endpoint names match case-insensitively, with a trailing slash", async () => {
    expect((await call("GET", "/serviceproviderconfig/")).status).toBe(200);
    expect((await call("GET", "/users?count=1")).status).toBe(200);
  });
});

describe("Users", () => {
  test("POST → 201 with Location and ETag; GET by id; 409 on a taken userName", async () => {
    const body = newUser({ schemas: [USER, ENTERPRISE], [ENTERPRISE]: { employeeNumber: "42", department: "R&D" } });
    const res = await call("POST", "/Users", body);
    expect(res.status, res.text).toBe(201);
    const created = res.body as Record<string, unknown> & { id: string; meta: { version: string; location: string } };
    expect(created).toMatchObject({ userName: body.userName, active: true, [ENTERPRISE]: { employeeNumber: "42" } });
    expect(created.schemas).toEqual(expect.arrayContaining([USER, ENTERPRISE]));
    expect(res.headers.get("location")).toBe(`${server.base}/Users/${created.id}`);
    expect(created.meta.location).toBe(res.headers.get("location"));
    expect(res.headers.get("etag")).toBe(created.meta.version);

    const got = await call("GET", `/Users/${created.id}`);
    expect(got.status).toBe(200);
    expect(got.body).toEqual(created);
    expect(got.headers.get("etag")).toBe(created.meta.version);

    const dup = await call("POST", "/Users", { ...newUser(), userName: String(body.userName).toUpperCase() });
    expect(dup.status).toBe(409);
    expect(dup.body).toMatchObject({ schemas: [ERROR], status: "409", scimType: "uniqueness" });
  });

  test("GET list: filter (pushed down and not), sortBy/sortOrder, startIndex/count, attributes/excludedAttributes", async () => {
    const tag = `list${Date.now()}`;
    const made = [];
    for (const family of ["Charlie", "Alpha", "Bravo"]) {
      made.push(await createUser({ userName: `${family}.${tag}@example.com`, name: { givenName: tag, familyName: family } }));
    }
    const byName = await call("GET", `/Users?filter=${encodeURIComponent(`userName eq "ALPHA.${tag}@example.com"`)}`);
    expect(byName.status).toBe(200);
    expect(byName.body).toMatchObject({ schemas: [LIST], totalResults: 1, startIndex: 1, itemsPerPage: 1 });
    expect((byName.body?.Resources as { id: string }[])[0]?.id).toBe(made[1]?.id);

    const q = `filter=${encodeURIComponent(`name.givenName eq "${tag}"`)}`;
    const sorted = await call("GET", `/Users?${q}&sortBy=name.familyName&sortOrder=descending`);
    expect((sorted.body?.Resources as { name: { familyName: string } }[]).map((r) => r.name.familyName)).toEqual(["Charlie", "Bravo", "Alpha"]);
    const paged = await call("GET", `/Users?${q}&sortBy=name.familyName&startIndex=2&count=1`);
    expect(paged.body).toMatchObject({ totalResults: 3, startIndex: 2, itemsPerPage: 1 });
    expect((paged.body?.Resources as { name: { familyName: string } }[])[0]?.name.familyName).toBe("Bravo");

    const slim = await call("GET", `/Users?${q}&attributes=userName`);
    const first = (slim.body?.Resources as Record<string, unknown>[])[0] ?? {};
    expect(Object.keys(first).sort()).toEqual(["id", "schemas", "userName"]);
    const noEmails = await call("GET", `/Users?${q}&excludedAttributes=emails,name`);
    const one = (noEmails.body?.Resources as Record<string, unknown>[])[0] ?? {};
    expect(one.emails).toBeUndefined();
    expect(one.name).toBeUndefined();
    expect(one.userName).toBeDefined();

    const single = await call("GET", `/Users/${String(made[0]?.id)}?attributes=name.familyName`);
    expect(single.body).toMatchObject({ id: made[0]?.id, name: { familyName: "Charlie" } });
    expect(single.body?.userName).toBeUndefined();

    const empty = await call("GET", `/Users?filter=${encodeURIComponent('userName eq "nobody-at-all"')}`);
    expect(empty.body).toMatchObject({ totalResults: 0 });
    const bad = await call("GET", `/Users?filter=${encodeURIComponent("userName eq nobody")}`);
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ scimType: "invalidFilter" });
  });

  test("POST /.search and /Users/.search", async () => {
    const user = await createUser();
    const search = { schemas: ["urn:ietf:params:scim:api:messages:2.0:SearchRequest"], filter: `userName eq "${String(user.userName)}"`, attributes: ["userName"] };
    for (const path of ["/Users/.search", "/.search"]) {
      const res = await call("POST", path, search);
      expect(res.status, `${path}: ${res.text}`).toBe(200);
      expect(res.body).toMatchObject({ schemas: [LIST], totalResults: 1 });
      expect((res.body?.Resources as { id: string }[])[0]?.id).toBe(user.id);
    }
  });

  test("PUT replaces; PATCH modifies; If-Match mismatches are 412; DELETE then 404", async () => {
    const user = await createUser({ displayName: "Before", nickName: "nick" });
    const id = String(user.id);
    const version = (user.meta as { version: string }).version;

    const put = await call("PUT", `/Users/${id}`, { ...newUser(), userName: user.userName, displayName: "After" }, { "if-match": version });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ id, displayName: "After" });
    expect(put.body?.nickName).toBeUndefined(); // unset readWrite attributes are cleared (RFC 7644 §3.5.1)
    const putVersion = (put.body?.meta as { version: string }).version;
    expect(putVersion).not.toBe(version);
    expect(put.headers.get("etag")).toBe(putVersion);

    const stale = await call("PATCH", `/Users/${id}`, ops({ op: "replace", path: "displayName", value: "Stale" }), { "if-match": version });
    expect(stale.status).toBe(412);
    expect(stale.body).toMatchObject({ schemas: [ERROR], status: "412" });
    expect((await call("PUT", `/Users/${id}`, { ...newUser(), userName: user.userName }, { "if-match": version })).status).toBe(412);

    const patched = await call("PATCH", `/Users/${id}`, ops({ op: "replace", path: "displayName", value: "Patched" }, { op: "add", path: "title", value: "Boss" }), {
      "if-match": putVersion,
    });
    expect([200, 204]).toContain(patched.status);
    const after = await call("GET", `/Users/${id}`);
    expect(after.body).toMatchObject({ displayName: "Patched", title: "Boss" });

    const patchedVersion = (after.body?.meta as { version: string }).version;
    expect((await call("DELETE", `/Users/${id}`, undefined, { "if-match": putVersion })).status).toBe(412);
    const del = await call("DELETE", `/Users/${id}`, undefined, { "if-match": patchedVersion });
    expect(del.status).toBe(204);
    expect(del.text).toBe("");
    const gone = await call("GET", `/Users/${id}`);
    expect(gone.status).toBe(404);
    expect(gone.body).toMatchObject({ schemas: [ERROR], status: "404" });
    expect((await call("DELETE", `/Users/${id}`)).status).toBe(404);
    expect((await call("PATCH", `/Users/${id}`, ops({ op: "replace", path: "active", value: false }))).status).toBe(404);
  });

  test("readOnly values in POST and PUT bodies are ignored and audited", async () => {
    const res = await call("POST", "/Users", { ...newUser(), id: "client-chosen", meta: { created: "2000-01-01T00:00:00Z" }, groups: [{ value: "g" }] });
    expect(res.status).toBe(201);
    expect(res.body?.id).not.toBe("client-chosen");
    expect(auditRows(server.dbPath).some((r) => r.kind === "create" && r.action === "ignored")).toBe(true);
  });
});

describe("Groups", () => {
  test("CRUD with members; a User's groups come from the memberships; deleting a user detaches it", async () => {
    const a = await createUser();
    const b = await createUser();
    const group = await createGroup(`Group ${Date.now()}`, [String(a.id)]);
    const id = String(group.id);
    expect(memberIds(group)).toEqual([a.id]);

    const userA = await call("GET", `/Users/${String(a.id)}`);
    expect((userA.body?.groups as { value: string }[] | undefined)?.map((g) => g.value)).toEqual([id]);

    const add = await call("PATCH", `/Groups/${id}`, ops({ op: "add", path: "members", value: [{ value: b.id }] }));
    expect([200, 204]).toContain(add.status);
    expect(memberIds((await call("GET", `/Groups/${id}`)).body)).toEqual([a.id, b.id].sort());

    const list = await call("GET", `/Groups?filter=${encodeURIComponent(`displayName eq "${String(group.displayName)}"`)}&excludedAttributes=members`);
    expect(list.body).toMatchObject({ totalResults: 1 });
    expect((list.body?.Resources as Record<string, unknown>[])[0]?.members).toBeUndefined();

    const put = await call("PUT", `/Groups/${id}`, { schemas: [GROUP], displayName: "Renamed", members: [{ value: b.id }] });
    expect(put.status).toBe(200);
    expect(memberIds(put.body)).toEqual([b.id]);

    expect((await call("DELETE", `/Users/${String(b.id)}`)).status).toBe(204);
    expect(memberIds((await call("GET", `/Groups/${id}`)).body)).toEqual([]);

    expect((await call("DELETE", `/Groups/${id}`)).status).toBe(204);
    expect((await call("GET", `/Groups/${id}`)).status).toBe(404);
  });

  test("20 concurrent PATCHes with If-Match on one group lose no update", async () => {
    const users = await Promise.all(Array.from({ length: 20 }, () => createUser()));
    const group = await createGroup(`Concurrent ${Date.now()}`);
    const id = String(group.id);
    const results = await Promise.all(
      users.map(async (user) => {
        // Each writer reads, then writes conditionally on what it read: the classic lost-update race.
        const read = await call("GET", `/Groups/${id}`);
        const etag = read.headers.get("etag") ?? "";
        const res = await call("PATCH", `/Groups/${id}`, ops({ op: "add", path: "members", value: [{ value: user.id }] }), { "if-match": etag });
        return { id: String(user.id), status: res.status };
      }),
    );
    for (const r of results) expect([200, 204, 412]).toContain(r.status);
    const succeeded = results.filter((r) => r.status !== 412).map((r) => r.id).sort();
    expect(succeeded.length).toBeGreaterThan(0);
    expect(memberIds((await call("GET", `/Groups/${id}`)).body)).toEqual(succeeded);
  });
});

describe("the immutable Employee extension", () => {
  test("set once, never changed: PUT and PATCH → 400 mutability, each with an audit row", async () => {
    const employeeId = `E-${Date.now()}`;
    const user = await createUser({ schemas: [USER, EMPLOYEE], [EMPLOYEE]: { employeeId } });
    const id = String(user.id);
    expect(user[EMPLOYEE]).toEqual({ employeeId });

    // Server-unique.
    const clash = await call("POST", "/Users", newUser({ schemas: [USER, EMPLOYEE], [EMPLOYEE]: { employeeId } }));
    expect(clash.status).toBe(409);
    expect(clash.body).toMatchObject({ scimType: "uniqueness" });

    // An unassigned immutable attribute may be set later, once.
    const hire = await call("PATCH", `/Users/${id}`, ops({ op: "add", path: `${EMPLOYEE}:hireDate`, value: "2024-03-01T00:00:00Z" }));
    expect([200, 204]).toContain(hire.status);
    // An equal value is a no-op.
    const same = await call("PATCH", `/Users/${id}`, ops({ op: "replace", path: `${EMPLOYEE}:employeeId`, value: employeeId }));
    expect([200, 204]).toContain(same.status);

    const before = auditRows(server.dbPath).length;
    const patch = await call("PATCH", `/Users/${id}`, ops({ op: "replace", path: `${EMPLOYEE}:employeeId`, value: "E-other" }));
    expect(patch.status).toBe(400);
    expect(patch.body).toMatchObject({ schemas: [ERROR], status: "400", scimType: "mutability" });

    const stored = (await call("GET", `/Users/${id}`)).body ?? {};
    const put = await call("PUT", `/Users/${id}`, { ...stored, [EMPLOYEE]: { employeeId, hireDate: "2025-01-01T00:00:00Z" } });
    expect(put.status).toBe(400);
    expect(put.body).toMatchObject({ scimType: "mutability" });

    const removal = await call("PATCH", `/Users/${id}`, ops({ op: "remove", path: `${EMPLOYEE}:hireDate` }));
    expect(removal.status).toBe(400);
    expect(removal.body).toMatchObject({ scimType: "mutability" });

    const rows = auditRows(server.dbPath).slice(before);
    expect(rows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: "patch", resource_id: id, path: `${EMPLOYEE}:employeeId`, action: "rejected", mutability: "immutable" }),
        expect.objectContaining({ kind: "replace", resource_id: id, path: `${EMPLOYEE}:hireDate`, action: "rejected", mutability: "immutable" }),
        expect.objectContaining({ kind: "patch", resource_id: id, path: `${EMPLOYEE}:hireDate`, action: "rejected" }),
      ]),
    );
    expect(server.output()).toMatch(/audit rejected patch User \S+ urn:example:params:scim:schemas:extension:reference:2\.0:Employee:employeeId/);

    const final = (await call("GET", `/Users/${id}`)).body;
    expect(final?.[EMPLOYEE]).toEqual({ employeeId, hireDate: "2024-03-01T00:00:00Z" });
  });
});

describe("durability", () => {
  test("every acknowledged write is still there after a graceful restart and after SIGKILL", async () => {
    const dir = tempDir();
    try {
      const dbPath = join(dir.path, "restart.db");
      let s = await startServer({ dbPath });
      let c = client(s);
      const acknowledged = new Map<string, { path: string; version: string; body: Record<string, unknown> }>();
      const remember = (path: string, res: Awaited<ReturnType<Call>>): void => {
        const body = res.body as Record<string, unknown> & { meta: { version: string } };
        acknowledged.set(path, { path, version: body.meta.version, body });
      };
      const users: string[] = [];
      for (let i = 0; i < 10; i++) {
        const res = await c("POST", "/Users", newUser());
        expect(res.status).toBe(201);
        users.push(String(res.body?.id));
        remember(`/Users/${String(res.body?.id)}`, res);
      }
      const g = await c("POST", "/Groups", { schemas: [GROUP], displayName: "Durable", members: users.slice(0, 3).map((value) => ({ value })) });
      const gid = String(g.body?.id);
      expect((await c("PATCH", `/Groups/${gid}`, ops({ op: "add", path: "members", value: [{ value: users[5] }] }))).status).toBeLessThan(300);
      remember(`/Groups/${gid}`, await c("GET", `/Groups/${gid}`));
      expect((await c("DELETE", `/Users/${String(users[9])}`)).status).toBe(204);
      acknowledged.delete(`/Users/${String(users[9])}`);

      const verify = async (): Promise<void> => {
        for (const { path, version, body } of acknowledged.values()) {
          const res = await c("GET", path);
          expect(res.status, path).toBe(200);
          expect((res.body?.meta as { version: string }).version).toBe(version);
          expect(res.body?.userName ?? res.body?.displayName).toBe(body.userName ?? body.displayName);
        }
        expect((await c("GET", `/Users/${String(users[9])}`)).status).toBe(404);
        expect(memberIds((await c("GET", `/Groups/${gid}`)).body)).toEqual([users[0], users[1], users[2], users[5]].sort());
      };

      expect(await s.stop()).toBe(0); // SIGTERM: graceful, exit 0
      expect(s.output()).toContain("SIGTERM");
      s = await startServer({ dbPath });
      c = client(s);
      await verify();

      // One more acknowledged write, then no goodbye at all.
      const late = await c("POST", "/Users", newUser());
      expect(late.status).toBe(201);
      remember(`/Users/${String(late.body?.id)}`, late);
      s.child.kill("SIGKILL");
      await s.stop();
      s = await startServer({ dbPath });
      c = client(s);
      await verify();
      await s.stop();
    } finally {
      dir.remove();
    }
  }, 60_000);

  test("a generated token is printed once when SCIM_TOKEN is unset", async () => {
    const dir = tempDir();
    try {
      const s = await startServer({ dbPath: join(dir.path, "t.db"), env: { SCIM_TOKEN: "" } });
      const match = /SCIM_TOKEN=(\S+)/.exec(s.output());
      expect(match).not.toBeNull();
      const token = match?.[1] ?? "";
      expect(token.length).toBeGreaterThanOrEqual(32);
      const c = client({ base: s.base, token });
      expect((await c("GET", "/ServiceProviderConfig")).status).toBe(200);
      expect(s.output().split(token).length - 1).toBe(1);
      await s.stop();
    } finally {
      dir.remove();
    }
  });
});
