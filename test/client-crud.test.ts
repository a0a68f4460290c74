// scimtype/client end to end against the SDK's own handler (createScimHandler + MemoryStore)
// served by node:http on 127.0.0.1, port 0, behind a bearer token.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createScimClient, etagOf } from "../src/client/index.js";
import { GroupResourceType, type PatchRequest, ScimError, UserSchema, parseFilter } from "../src/index.js";
import { MemoryStore, createScimHandler } from "../src/server/index.js";
import { AcmeUser, EmployeeSchema } from "./fixtures-matrix.js";

const TOKEN = "client-test-token";
const EMPLOYEE = EmployeeSchema.id;
let baseUrl = "";
const handler = createScimHandler({
  resourceTypes: [AcmeUser, GroupResourceType],
  store: new MemoryStore(),
  basePath: "/scim/v2",
  authenticate: (request) => request.headers.get("authorization") === `Bearer ${TOKEN}`,
});
const server = createServer(async (req, res) => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = chunks.length > 0 ? Buffer.concat(chunks) : undefined;
  const response = await handler(
    new Request(`http://127.0.0.1${req.url}`, {
      method: req.method!,
      headers: req.headers as Record<string, string>,
      ...(body !== undefined ? { body } : {}),
    }),
  );
  response.headers.forEach((value, name) => res.setHeader(name, value));
  res.writeHead(response.status);
  res.end(Buffer.from(await response.arrayBuffer()));
});

beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/scim/v2`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const scim = () => createScimClient({ baseUrl, token: TOKEN, resourceTypes: [AcmeUser, GroupResourceType], retry: false });

describe("scimtype/client against createScimHandler", () => {
  it("create → get → patch → replace → delete, typed end to end, with ETags", async () => {
    const client = scim();
    const babs = await client.User.create({
      schemas: [UserSchema.id, EMPLOYEE],
      userName: "bjensen",
      name: { givenName: "Barbara", familyName: "Jensen" },
      emails: [{ value: "bjensen@example.com", type: "work", primary: true }],
      [EMPLOYEE]: { badgeId: "B-1", costCenter: "R&D", pin: "1234" },
    });
    expect(babs.id).toEqual(expect.any(String));
    expect(babs.meta.resourceType).toBe("User");
    expect(babs[EMPLOYEE]?.badgeId).toBe("B-1");
    expect(babs[EMPLOYEE]).not.toHaveProperty("pin"); // writeOnly, never returned
    expect(etagOf(babs)).toBe(babs.meta.version);

    const fetched = await client.User.get(babs.id);
    expect(fetched.name?.givenName).toBe("Barbara");

    const patched = await client.User.patch(babs.id, (p) => p.replace("name.givenName", "Babs").add("title", "Tour Guide"), { ifMatch: fetched });
    expect(patched?.name?.givenName).toBe("Babs");
    expect(patched?.title).toBe("Tour Guide");

    // A stale ETag: the server refuses with 412 (RFC 7644 §3.14).
    const stale = await client.User.patch(babs.id, (p) => p.replace("title", "x"), { ifMatch: fetched }).catch((e: unknown) => e);
    expect(ScimError.is(stale) && stale.status).toBe(412);

    const replaced = await client.User.replace(
      babs.id,
      { schemas: [UserSchema.id, EMPLOYEE], userName: "bjensen", displayName: "Babs Jensen", [EMPLOYEE]: { badgeId: "B-1" } },
      { ifMatch: patched! },
    );
    expect(replaced.displayName).toBe("Babs Jensen");
    expect(replaced.title).toBeUndefined(); // PUT clears what it leaves out

    await client.User.delete(babs.id, { ifMatch: replaced });
    await expect(client.User.get(babs.id)).rejects.toMatchObject({ status: 404 });
  });

  it("immutability holds at run time too: an untyped PATCH of badgeId is a 400 mutability ScimError", async () => {
    const client = scim();
    const u = await client.User.create({ schemas: [UserSchema.id, EMPLOYEE], userName: "immutable-1", [EMPLOYEE]: { badgeId: "B-7" } });
    // The typed builder cannot express this; a hand-made body that lies about its type can.
    const body = {
      schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
      Operations: [{ op: "replace", path: `${EMPLOYEE}:badgeId`, value: "B-8" }],
    } as unknown as PatchRequest<typeof AcmeUser>;
    const error = await client.User.patch(u.id, body).catch((e: unknown) => e);
    expect(ScimError.is(error) && [error.status, error.scimType]).toEqual([400, "mutability"]);
  });

  it("list with filter (text or AST), sort and paging; all() walks every page", async () => {
    const client = scim();
    for (const n of [5, 3, 1, 4, 2]) {
      await client.User.create({ schemas: [UserSchema.id], userName: `pager-${n}`, title: n % 2 === 0 ? "even" : "odd" });
    }
    const page = await client.User.list({ filter: 'userName sw "pager-"', sortBy: "userName", startIndex: 2, count: 2 });
    expect(page.totalResults).toBe(5);
    expect(page.Resources.map((u) => u.userName)).toEqual(["pager-2", "pager-3"]);
    const odd = await client.User.list({ filter: parseFilter('userName sw "pager-" and title eq "odd"'), sortBy: "userName", sortOrder: "descending" });
    expect(odd.Resources.map((u) => u.userName)).toEqual(["pager-5", "pager-3", "pager-1"]);
    const names: string[] = [];
    for await (const u of client.User.all({ filter: 'userName sw "pager-"', sortBy: "userName", count: 2 })) names.push(u.userName);
    expect(names).toEqual(["pager-1", "pager-2", "pager-3", "pager-4", "pager-5"]);
    const slim = await client.User.list({ filter: 'userName eq "pager-1"', attributes: ["userName"] });
    expect(Object.keys(slim.Resources[0]!).sort()).toEqual(["id", "schemas", "userName"]);
  });

  it("groups: create with members, add a member by PATCH; a readOnly groups attribute shows on the user", async () => {
    const client = scim();
    const a = await client.User.create({ schemas: [UserSchema.id], userName: "member-a" });
    const b = await client.User.create({ schemas: [UserSchema.id], userName: "member-b" });
    const group = await client.Group.create({ schemas: ["urn:ietf:params:scim:schemas:core:2.0:Group"], displayName: "Tour Guides", members: [{ value: a.id }] });
    const updated = await client.Group.patch(group.id, (p) => p.add("members", [{ value: b.id, type: "User" }]));
    expect(updated?.members?.map((m) => m.value).sort()).toEqual([a.id, b.id].sort());
    const fetched = await client.resource(AcmeUser).get(b.id);
    expect(fetched.groups?.map((g) => g.value)).toEqual([group.id]);
  });

  it("409 uniqueness and 401 without the token are ScimErrors", async () => {
    const client = scim();
    await client.User.create({ schemas: [UserSchema.id], userName: "unique-1" });
    await expect(client.User.create({ schemas: [UserSchema.id], userName: "UNIQUE-1" })).rejects.toMatchObject({ status: 409, scimType: "uniqueness" });
    const anonymous = createScimClient({ baseUrl, resourceTypes: [AcmeUser] });
    await expect(anonymous.User.get("x")).rejects.toMatchObject({ status: 401 });
  });

  it("an injected fetch talks to the handler without a socket", async () => {
    const client = createScimClient({ baseUrl: "http://scim.test/scim/v2", token: TOKEN, resourceTypes: [GroupResourceType], fetch: handler });
    const g = await client.Group.create({ schemas: ["urn:ietf:params:scim:schemas:core:2.0:Group"], displayName: "In-process" });
    expect((await client.Group.get(g.id)).displayName).toBe("In-process");
  });
});
