// End-to-end: the request shapes Microsoft Entra ID and Okta really send, against the reference
// server over HTTP, and a replay of the recorded payloads in ../shared/external/elimity-idp-fixtures
// (ids rewritten to the ones this server generated) comparing status codes.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type Call, type RunningServer, SHARED_EXTERNAL, client, startServer, tempDir } from "./e2e-harness.js";

const USER = "urn:ietf:params:scim:schemas:core:2.0:User";
const GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
const ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
const PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

const tmp = tempDir();
let server: RunningServer;
let call: Call;

beforeAll(async () => {
  server = await startServer({ dbPath: join(tmp.path, "idp.db") });
  call = client(server);
});
afterAll(async () => {
  await server?.stop();
  tmp.remove();
});

let seq = 0;
async function createUser(extra: Record<string, unknown> = {}): Promise<Record<string, unknown> & { id: string }> {
  seq += 1;
  const res = await call("POST", "/Users", {
    schemas: [USER],
    userName: `idp${seq}.${Date.now()}@example.com`,
    name: { givenName: "Idp", familyName: `User${seq}` },
    active: true,
    ...extra,
  });
  expect(res.status, res.text).toBe(201);
  return res.body as Record<string, unknown> & { id: string };
}
async function createGroup(displayName: string, members: string[] = []): Promise<string> {
  const res = await call("POST", "/Groups", { schemas: [GROUP], displayName, members: members.map((value) => ({ value })) });
  expect(res.status, res.text).toBe(201);
  return String(res.body?.id);
}
const patchOk = (status: number): void => expect([200, 204]).toContain(status);
const memberIds = (group: Record<string, unknown> | undefined): string[] =>
  ((group?.members as { value: string }[] | undefined) ?? []).map((m) => m.value).sort();

describe("Microsoft Entra ID request shapes", () => {
  test('capitalised ops and "False" strings', async () => {
    const user = await createUser();
    const res = await call("PATCH", `/Users/${user.id}`, {
      schemas: [PATCH_OP],
      Operations: [
        { op: "Replace", path: "active", value: "False" },
        { op: "Add", path: "displayName", value: "Entra Person" },
      ],
    });
    patchOk(res.status);
    const got = await call("GET", `/Users/${user.id}`);
    expect(got.body).toMatchObject({ active: false, displayName: "Entra Person" });
    const back = await call("PATCH", `/Users/${user.id}`, { schemas: [PATCH_OP], Operations: [{ op: "Replace", path: "active", value: "True" }] });
    patchOk(back.status);
    expect((await call("GET", `/Users/${user.id}`)).body?.active).toBe(true);
  });

  test('POST with "active": "True" (a string) creates an active user', async () => {
    const res = await call("POST", "/Users", { schemas: [USER], userName: `entra-str-${Date.now()}`, active: "True" });
    expect(res.status, res.text).toBe(201);
    expect(res.body?.active).toBe(true);
  });

  test('emails[type eq "work"].value add creates the work email; Replace changes it', async () => {
    const user = await createUser({ emails: [{ value: "home@example.com", type: "home" }] });
    const add = await call("PATCH", `/Users/${user.id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: "Add", path: 'emails[type eq "work"].value', value: "work@example.com" }],
    });
    patchOk(add.status);
    const emails = (await call("GET", `/Users/${user.id}`)).body?.emails as { value: string; type: string }[];
    expect(emails).toEqual(expect.arrayContaining([expect.objectContaining({ type: "work", value: "work@example.com" }), expect.objectContaining({ type: "home" })]));
    const replace = await call("PATCH", `/Users/${user.id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: "Replace", path: 'emails[type eq "work"].value', value: "new-work@example.com" }],
    });
    patchOk(replace.status);
    const after = (await call("GET", `/Users/${user.id}`)).body?.emails as { value: string; type: string }[];
    expect(after.find((e) => e.type === "work")?.value).toBe("new-work@example.com");
  });

  test("manager as a bare string", async () => {
    const boss = await createUser();
    const user = await createUser();
    const res = await call("PATCH", `/Users/${user.id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: "Add", path: `${ENTERPRISE}:manager`, value: boss.id }],
    });
    patchOk(res.status);
    expect((await call("GET", `/Users/${user.id}`)).body?.[ENTERPRISE]).toMatchObject({ manager: { value: boss.id } });
  });

  test("remove members by value; excludedAttributes=members on group GETs", async () => {
    const a = await createUser();
    const b = await createUser();
    const c = await createUser();
    const name = `Entra group ${Date.now()}`;
    const id = await createGroup(name, [a.id, b.id, c.id]);
    const res = await call("PATCH", `/Groups/${id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: "Remove", path: "members", value: [{ value: a.id }, { value: c.id }] }],
    });
    patchOk(res.status);
    expect(memberIds((await call("GET", `/Groups/${id}`)).body)).toEqual([b.id]);

    const one = await call("GET", `/Groups/${id}?excludedAttributes=members`);
    expect(one.status).toBe(200);
    expect(one.body?.members).toBeUndefined();
    expect(one.body?.displayName).toBe(name);
    const list = await call("GET", `/Groups?excludedAttributes=members&filter=${encodeURIComponent(`displayName eq "${name}"`)}`);
    expect(list.body).toMatchObject({ totalResults: 1 });
    expect((list.body?.Resources as Record<string, unknown>[])[0]?.members).toBeUndefined();
  });

  test("Add members with $ref null, then Remove them, in one PATCH with a Replace of displayName", async () => {
    const a = await createUser();
    const id = await createGroup(`Entra mixed ${Date.now()}`);
    const res = await call("PATCH", `/Groups/${id}`, {
      schemas: [PATCH_OP],
      Operations: [
        { op: "Replace", path: "displayName", value: `Renamed ${id}` },
        { op: "Add", path: "members", value: [{ $ref: null, value: a.id }] },
        { op: "Remove", path: "members", value: [{ $ref: null, value: a.id }] },
      ],
    });
    patchOk(res.status);
    const got = (await call("GET", `/Groups/${id}`)).body;
    expect(got?.displayName).toBe(`Renamed ${id}`);
    expect(memberIds(got)).toEqual([]);
  });
});

describe("Okta request shapes", () => {
  test("no-path replace carrying the resource's own id and active", async () => {
    const user = await createUser();
    const res = await call("PATCH", `/Users/${user.id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: "replace", value: { id: user.id, active: false } }],
    });
    patchOk(res.status);
    const got = await call("GET", `/Users/${user.id}`);
    expect(got.body).toMatchObject({ id: user.id, active: false });
  });

  test("members added without type, then replace members []", async () => {
    const a = await createUser();
    const b = await createUser();
    const id = await createGroup(`Okta group ${Date.now()}`);
    const add = await call("PATCH", `/Groups/${id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: "add", path: "members", value: [{ value: a.id, display: String(a.userName) }, { value: b.id, display: String(b.userName) }] }],
    });
    patchOk(add.status);
    expect(memberIds((await call("GET", `/Groups/${id}`)).body)).toEqual([a.id, b.id].sort());
    const clear = await call("PATCH", `/Groups/${id}`, { schemas: [PATCH_OP], Operations: [{ op: "replace", path: "members", value: [] }] });
    patchOk(clear.status);
    expect(memberIds((await call("GET", `/Groups/${id}`)).body)).toEqual([]);
  });

  test("group rename by a no-path replace with the group's id", async () => {
    const id = await createGroup(`Okta rename ${Date.now()}`);
    const res = await call("PATCH", `/Groups/${id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: "replace", value: { id, displayName: `Okta renamed ${id}` } }],
    });
    patchOk(res.status);
    expect((await call("GET", `/Groups/${id}`)).body?.displayName).toBe(`Okta renamed ${id}`);
  });

  test("PUT carrying id, groups and meta", async () => {
    const user = await createUser();
    const res = await call("PUT", `/Users/${user.id}`, {
      schemas: [USER],
      id: user.id,
      userName: user.userName,
      name: { givenName: "Another", middleName: "Excited", familyName: "User" },
      emails: [{ primary: true, value: "okta@example.com", type: "work", display: "okta@example.com" }],
      active: true,
      groups: [],
      meta: { resourceType: "User" },
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ id: user.id, name: { middleName: "Excited" } });
  });

  test("userName lookups are case-insensitive (userName is not caseExact)", async () => {
    const user = await createUser();
    const res = await call("GET", `/Users?filter=${encodeURIComponent(`userName eq "${String(user.userName).toUpperCase()}"`)}&startIndex=1&count=100`);
    expect(res.body).toMatchObject({ totalResults: 1 });
  });
});

interface Exchange {
  method: string;
  path: string;
  statusCode: number;
  request?: unknown;
}

const FIXTURES = join(SHARED_EXTERNAL, "elimity-idp-fixtures");
// Each IdP's recorded session, in the order an IdP would send it (creates before reads/updates).
const ORDER: Record<string, string[]> = {
  azuread: [
    "get_user_query_0",
    "create_user",
    "get_user_resp",
    "get_user_query_resp",
    "update_user",
    "create_group",
    "get_group",
    "get_group_dn",
    "update_group",
  ],
  okta: [
    "user_exists",
    "create_user",
    "retrieve_user",
    "update_user",
    "update_user_patch",
    "create_group",
    "retrieve_group",
    "update_group_name",
    "update_group_membership",
  ],
};

describe.skipIf(!existsSync(FIXTURES))("replay of the recorded Entra ID and Okta payloads (elimity-idp-fixtures)", () => {
  for (const [idp, names] of Object.entries(ORDER)) {
    test(idp, async () => {
      const exchanges = names.map((name) => ({ name, ...(JSON.parse(readFileSync(join(FIXTURES, idp, `${name}.json`), "utf8")) as Exchange) }));
      // Fixture ids → ids this server generated: ids in /Users/{id} paths are the created user,
      // ids in /Groups/{id} paths the created group, any other member value a second user.
      const userIds = new Set<string>();
      const groupIds = new Set<string>();
      const memberValues = new Set<string>();
      for (const x of exchanges) {
        const m = /^\/(Users|Groups)\/([^/?]+)/.exec(x.path);
        if (m?.[2] !== undefined) (m[1] === "Users" ? userIds : groupIds).add(m[2]);
        for (const v of JSON.stringify(x.request ?? null).matchAll(/"value":"([0-9a-f-]{16,})"/g)) if (v[1] !== undefined) memberValues.add(v[1]);
      }
      const map = new Map<string, string>();
      const extra = await createUser();
      for (const v of memberValues) if (!userIds.has(v)) map.set(v, extra.id);
      const rewrite = (text: string): string => {
        let out = text;
        for (const [from, to] of map) out = out.split(from).join(to);
        return out;
      };
      for (const x of exchanges) {
        const path = rewrite(x.path);
        const body = x.request === undefined || x.request === null ? undefined : rewrite(JSON.stringify(x.request));
        const res = await call(x.method, path, body);
        // A PATCH may answer 200 with the resource or 204 without (RFC 7644 §3.5.2); elimity answered 200.
        const expected = x.method === "PATCH" && res.status === 204 ? 200 : x.statusCode;
        expect(res.status === 204 && x.method === "PATCH" ? 200 : res.status, `${idp}/${x.name}: ${x.method} ${path} → ${res.text}`).toBe(expected);
        if (x.name === "create_user") for (const id of userIds) map.set(id, String(res.body?.id));
        if (x.name === "create_group") for (const id of groupIds) map.set(id, String(res.body?.id));
      }
    });
  }
});

describe("SCIM_PATCH_NO_CONTENT=1 (the profile the Entra ID collection is run with)", () => {
  test("a successful PATCH is 204 with the new ETag; with attributes= it is 200 with them", async () => {
    const dir = tempDir();
    const s = await startServer({ dbPath: join(dir.path, "nc.db"), env: { SCIM_PATCH_NO_CONTENT: "1" } });
    try {
      const c = client(s);
      const created = await c("POST", "/Users", { schemas: [USER], userName: "nocontent@example.com" });
      const id = String(created.body?.id);
      const res = await c("PATCH", `/Users/${id}`, { schemas: [PATCH_OP], Operations: [{ op: "replace", path: "displayName", value: "X" }] });
      expect(res.status).toBe(204);
      expect(res.text).toBe("");
      const etag = res.headers.get("etag");
      expect(etag).not.toBeNull();
      expect(etag).not.toBe(created.headers.get("etag"));
      expect((await c("GET", `/Users/${id}`)).headers.get("etag")).toBe(etag);
      const withAttrs = await c("PATCH", `/Users/${id}?attributes=displayName`, {
        schemas: [PATCH_OP],
        Operations: [{ op: "replace", path: "displayName", value: "Y" }],
      });
      expect(withAttrs.status).toBe(200);
      expect(withAttrs.body).toMatchObject({ id, displayName: "Y" });
      const bad = await c("PATCH", `/Users/${id}`, { schemas: [PATCH_OP], Operations: [{ op: "replace", path: "id", value: "x" }] });
      expect(bad.status).toBe(400);
    } finally {
      await s.stop();
      dir.remove();
    }
  });
});
