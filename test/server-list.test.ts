import { describe, expect, it } from "vitest";
import { GROUP, LIST, SEARCH, USER, errorOf, setup } from "./server-helpers.js";

async function seeded(overrides: Parameters<typeof setup>[0] = {}) {
  const s = setup(overrides);
  const names = ["carol", "alice", "Eve", "bob", "dave"];
  const users = [];
  for (const [i, n] of names.entries()) users.push(await s.createUser(n, { displayName: n.toUpperCase(), title: i % 2 === 0 ? "eng" : "ops" }));
  return { ...s, users, names };
}

describe("RFC 7644 §3.4.2 list", () => {
  it("§3.4.2 GET /Users is a ListResponse of every resource in the store's stable order", async () => {
    const { call, names } = await seeded();
    const r = await call("GET", "/Users");
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ schemas: [LIST], totalResults: 5, itemsPerPage: 5, startIndex: 1 });
    expect(r.body.Resources.map((u: { userName: string }) => u.userName)).toEqual(names);
    expect(r.body.Resources[0].meta.location).toMatch(/\/scim\/v2\/Users\//);
  });
  it("§3.4.2.2 filter, schema-aware: userName is case-insensitive (caseExact false)", async () => {
    const { call } = await seeded();
    const r = await call("GET", `/Users?filter=${encodeURIComponent('userName eq "EVE"')}`);
    expect(r.body.totalResults).toBe(1);
    expect(r.body.Resources[0].userName).toBe("Eve");
    const none = await call("GET", `/Users?filter=${encodeURIComponent('userName eq "nobody"')}`);
    expect(none.body).toMatchObject({ totalResults: 0, itemsPerPage: 0, Resources: [] });
    const and = await call("GET", `/Users?filter=${encodeURIComponent('title eq "eng" and userName sw "c"')}`);
    expect(and.body.Resources.map((u: { userName: string }) => u.userName)).toEqual(["carol"]);
  });
  it("§3.4.2.2 a bad filter is 400 invalidFilter (syntax, unknown attribute, unquoted value)", async () => {
    const { call } = await seeded();
    for (const f of ['userName eq "x', "shoeSize gt 3", "userName eq bjensen", "(((("]) {
      const r = await call("GET", `/Users?filter=${encodeURIComponent(f)}`);
      expect(r.status, f).toBe(400);
      expect(errorOf(r).scimType, f).toBe("invalidFilter");
    }
    const long = await setup({ maxFilterLength: 16 }).call("GET", `/Users?filter=${encodeURIComponent('userName eq "abcdefghijkl"')}`);
    expect(long.status).toBe(400);
  });
  it("§3.4.2.3 sortBy/sortOrder; a bad sortOrder or unknown sortBy is 400 invalidValue", async () => {
    const { call } = await seeded();
    const asc = await call("GET", "/Users?sortBy=userName");
    expect(asc.body.Resources.map((u: { userName: string }) => u.userName)).toEqual(["alice", "bob", "carol", "dave", "Eve"]);
    const desc = await call("GET", "/Users?sortBy=userName&sortOrder=descending");
    expect(desc.body.Resources.map((u: { userName: string }) => u.userName)).toEqual(["Eve", "dave", "carol", "bob", "alice"]);
    expect(errorOf(await call("GET", "/Users?sortBy=userName&sortOrder=sideways")).scimType).toBe("invalidValue");
    expect(errorOf(await call("GET", "/Users?sortBy=shoeSize")).scimType).toBe("invalidValue");
  });
  it("§3.4.2.4 startIndex and count are 1-based; count=0 returns only totalResults", async () => {
    const { call } = await seeded();
    const page = await call("GET", "/Users?sortBy=userName&startIndex=2&count=2");
    expect(page.body).toMatchObject({ totalResults: 5, itemsPerPage: 2, startIndex: 2 });
    expect(page.body.Resources.map((u: { userName: string }) => u.userName)).toEqual(["bob", "carol"]);
    const zero = await call("GET", "/Users?count=0");
    expect(zero.body).toMatchObject({ totalResults: 5, itemsPerPage: 0, Resources: [] });
    const past = await call("GET", "/Users?startIndex=99");
    expect(past.body).toMatchObject({ totalResults: 5, itemsPerPage: 0, startIndex: 99, Resources: [] });
  });
  it("§3.4.2.4 startIndex < 1 is read as 1, a negative count as 0; non-integers are 400 invalidValue", async () => {
    const { call } = await seeded();
    const low = await call("GET", "/Users?startIndex=-4&count=1");
    expect(low.body).toMatchObject({ startIndex: 1, itemsPerPage: 1 });
    const neg = await call("GET", "/Users?count=-3");
    expect(neg.body).toMatchObject({ totalResults: 5, itemsPerPage: 0 });
    for (const q of ["count=abc", "count=1.5", "startIndex=", "startIndex=2x", "count=1&count=2"]) {
      const r = await call("GET", `/Users?${q}`);
      expect(r.status, q).toBe(400);
      expect(errorOf(r).scimType, q).toBe("invalidValue");
    }
  });
  it("§3.4.2.4 a page never exceeds maxResults (advertised as filter.maxResults), with or without count", async () => {
    const { call } = await seeded({ maxResults: 2 });
    expect((await call("GET", "/Users")).body).toMatchObject({ totalResults: 5, itemsPerPage: 2 });
    expect((await call("GET", "/Users?count=100")).body.itemsPerPage).toBe(2);
    expect((await call("GET", "/ServiceProviderConfig")).body.filter.maxResults).toBe(2);
  });
  it("§3.4.2.5 attributes/excludedAttributes apply to each listed resource; id and schemas are always returned", async () => {
    const { call } = await seeded();
    const r = await call("GET", "/Users?attributes=userName&count=1");
    expect(Object.keys(r.body.Resources[0]).sort()).toEqual(["id", "schemas", "userName"]);
    const ex = await call("GET", "/Users?excludedAttributes=displayName,title&count=1");
    expect(ex.body.Resources[0]).not.toHaveProperty("displayName");
    expect(ex.body.Resources[0].meta).toBeDefined();
    expect((await call("GET", "/Users?attributes=userName&excludedAttributes=title")).status).toBe(400);
  });
  it("§3.4.2 query parameter names are matched case-insensitively (real clients vary)", async () => {
    const { call } = await seeded();
    const r = await call("GET", `/Users?Filter=${encodeURIComponent('userName eq "bob"')}&STARTINDEX=1&Count=5`);
    expect(r.body.totalResults).toBe(1);
  });
});

describe("RFC 7644 §3.4.3 POST .search", () => {
  it("§3.4.3 POST /Users/.search takes a SearchRequest and answers as GET would", async () => {
    const { call } = await seeded();
    const r = await call("POST", "/Users/.search", {
      body: { schemas: [SEARCH], filter: 'title eq "eng"', sortBy: "userName", sortOrder: "descending", startIndex: 1, count: 2, attributes: ["userName"] },
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ schemas: [LIST], totalResults: 3, itemsPerPage: 2 });
    expect(r.body.Resources).toEqual([
      expect.objectContaining({ userName: "Eve" }),
      expect.objectContaining({ userName: "dave" }),
    ]);
    expect(Object.keys(r.body.Resources[0]).sort()).toEqual(["id", "schemas", "userName"]);
  });
  it("§3.4.3 a SearchRequest with the wrong schemas, unknown keys or wrong types is 400; not JSON is invalidSyntax", async () => {
    const { call } = await seeded();
    expect(errorOf(await call("POST", "/Users/.search", { body: { schemas: [USER] } })).scimType).toBe("invalidSyntax");
    expect(errorOf(await call("POST", "/Users/.search", { body: { schemas: [SEARCH], limit: 3 } })).scimType).toBe("invalidSyntax");
    expect(errorOf(await call("POST", "/Users/.search", { body: { schemas: [SEARCH], count: "many" } })).scimType).toBe("invalidValue");
    expect(errorOf(await call("POST", "/Users/.search", { body: { schemas: [SEARCH], filter: 3 } })).scimType).toBe("invalidValue");
    expect(errorOf(await call("POST", "/Users/.search", { raw: "{", headers: { "content-type": "application/scim+json" } })).scimType).toBe("invalidSyntax");
    // strict mode requires the schemas URN
    const strict = setup({ strict: true });
    expect((await strict.call("POST", "/Users/.search", { body: { count: 1 } })).status).toBe(400);
    expect((await strict.call("POST", "/Users/.search", { body: { schemas: [SEARCH], count: 1 } })).status).toBe(200);
  });
  it("§3.4.3 POST /.search at the root searches every resource type", async () => {
    const { call, createGroup } = await seeded();
    await createGroup("admins");
    await createGroup("eng");
    const all = await call("POST", "/.search", { body: { schemas: [SEARCH] } });
    expect(all.body.totalResults).toBe(7);
    const kinds = all.body.Resources.map((r: { schemas: string[] }) => r.schemas[0]);
    expect(kinds.filter((k: string) => k === GROUP)).toHaveLength(2);
    // an attribute only Users have: Groups simply do not match
    const users = await call("POST", "/.search", { body: { schemas: [SEARCH], filter: 'userName sw "a"' } });
    expect(users.body.Resources.map((u: { userName: string }) => u.userName)).toEqual(["alice"]);
    // an attribute nobody has is an error
    expect(errorOf(await call("POST", "/.search", { body: { schemas: [SEARCH], filter: 'shoeSize eq "9"' } })).scimType).toBe("invalidFilter");
    // sorted across types by a common attribute, then paged
    const sorted = await call("POST", "/.search", { body: { schemas: [SEARCH], sortBy: "meta.created", sortOrder: "descending", startIndex: 2, count: 2 } });
    expect(sorted.body).toMatchObject({ totalResults: 7, itemsPerPage: 2, startIndex: 2 });
    const paged = await call("POST", "/.search", { body: { schemas: [SEARCH], startIndex: 5, count: 2 } });
    expect(paged.body.Resources.map((r: { userName?: string; displayName: string }) => r.userName ?? r.displayName)).toEqual(["dave", "admins"]);
  });
});
