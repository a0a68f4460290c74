import { describe, expect, it, vi } from "vitest";
import { GroupResourceType, ScimError, UserResourceType } from "../src/index.js";
import { MemoryStore, type Store, createScimHandler } from "../src/server/index.js";
import { BASE, ERROR, GROUP, ORIGIN, USER, errorOf, setup } from "./server-helpers.js";

describe("RFC 7644 §3.3 POST creates", () => {
  it("§3.3 201 with Location, ETag, meta and the representation; readOnly input ignored (§3.3, RFC 7643 §3.1)", async () => {
    const { call, events } = setup();
    const r = await call("POST", "/Users", { body: { schemas: [USER], userName: "bjensen", id: "mine", meta: { version: 'W/"9"' } } });
    expect(r.status).toBe(201);
    expect(r.headers.get("content-type")).toMatch(/^application\/scim\+json/);
    const id = r.body.id as string;
    expect(id).not.toBe("mine");
    expect(r.headers.get("location")).toBe(`${BASE}/Users/${id}`);
    expect(r.headers.get("etag")).toBe('W/"1"');
    expect(r.body.meta).toMatchObject({ resourceType: "User", location: `${BASE}/Users/${id}`, version: 'W/"1"' });
    expect(r.body.meta.created).toBe(r.body.meta.lastModified);
    expect(events.map((e) => [e.kind, e.path, e.action, e.resourceType, e.resourceId])).toEqual([
      ["create", "id", "ignored", "User", id],
      ["create", "meta", "ignored", "User", id],
    ]);
  });
  it("§3.3 writeOnly values are stored but never returned (RFC 7643 §7)", async () => {
    const { call, store } = setup();
    const r = await call("POST", "/Users", { body: { schemas: [USER], userName: "pw", password: "s3cret" } });
    expect(r.body).not.toHaveProperty("password");
    expect((await store.get("User", r.body.id))?.password).toBe("s3cret");
    expect((await call("GET", `/Users/${r.body.id}?attributes=password`)).body).not.toHaveProperty("password");
  });
  it("§3.3 invalid bodies are 400 with a scimType: missing required attribute, wrong type, unknown attribute", async () => {
    const { call } = setup();
    expect(errorOf(await call("POST", "/Users", { body: { schemas: [USER] } }))).toMatchObject({ status: "400", scimType: "invalidValue" });
    expect((await call("POST", "/Users", { body: { schemas: [USER], userName: 7 } })).status).toBe(400);
    expect((await call("POST", "/Users", { body: { schemas: [USER], userName: "a", shoeSize: 9 } })).status).toBe(400);
    expect((await call("POST", "/Users", { body: [1, 2] })).status).toBe(400);
  });
  it("§3.3 a POST honours attributes/excludedAttributes on its response (§3.9)", async () => {
    const { call } = setup();
    const r = await call("POST", "/Users?attributes=userName", { body: { schemas: [USER], userName: "x", displayName: "X" } });
    expect(Object.keys(r.body).sort()).toEqual(["id", "schemas", "userName"]);
  });
  it("§3.3 unknownAttributes: 'ignore' drops undeclared attributes instead of 400", async () => {
    const { call } = setup({ unknownAttributes: "ignore" });
    const r = await call("POST", "/Users", { body: { schemas: [USER], userName: "a", shoeSize: 9 } });
    expect(r.status).toBe(201);
    expect(r.body).not.toHaveProperty("shoeSize");
  });
});

describe("RFC 7644 §3.4.1 GET by id, §3.6 DELETE", () => {
  it("§3.4.1 200 with ETag; §3.9 attributes and excludedAttributes; 404 Error body for an unknown id", async () => {
    const { call, createUser } = setup();
    const u = await createUser("bjensen", { displayName: "Babs", name: { givenName: "Barbara", familyName: "Jensen" } });
    const r = await call("GET", `/Users/${u.id}`);
    expect(r.status).toBe(200);
    expect(r.headers.get("etag")).toBe(u.meta.version);
    expect(r.body).toMatchObject({ id: u.id, userName: "bjensen", displayName: "Babs" });
    const some = await call("GET", `/Users/${u.id}?attributes=name.givenName`);
    expect(some.body).toEqual({ schemas: [USER], id: u.id, name: { givenName: "Barbara" } });
    const less = await call("GET", `/Users/${u.id}?excludedAttributes=name,displayName`);
    expect(less.body).not.toHaveProperty("name");
    expect(less.body.userName).toBe("bjensen");
    const both = await call("GET", `/Users/${u.id}?attributes=name&excludedAttributes=name`);
    expect(errorOf(both)).toMatchObject({ status: "400", scimType: "invalidValue" });
    const missing = await call("GET", "/Users/nope");
    expect(missing.status).toBe(404);
    expect(errorOf(missing).detail).toContain("nope");
  });
  it("§3.6 DELETE is 204 with no body; the resource is gone (404 on GET, PUT, PATCH, DELETE)", async () => {
    const { call, createUser, patchOp } = setup();
    const u = await createUser("gone");
    const d = await call("DELETE", `/Users/${u.id}`);
    expect(d.status).toBe(204);
    expect(d.text).toBe("");
    expect((await call("GET", `/Users/${u.id}`)).status).toBe(404);
    expect((await call("PUT", `/Users/${u.id}`, { body: { schemas: [USER], userName: "gone" } })).status).toBe(404);
    expect((await call("PATCH", `/Users/${u.id}`, { body: patchOp({ op: "add", path: "title", value: "x" }) })).status).toBe(404);
    expect((await call("DELETE", `/Users/${u.id}`)).status).toBe(404);
  });
});

describe("RFC 7644 §3.2 routing", () => {
  it("§3.2 endpoint names match case-insensitively and a trailing slash is accepted", async () => {
    const { call, createUser } = setup();
    const u = await createUser("a");
    for (const path of ["/users", "/Users/", "/USERS/", "/scim/V2/users".replace("/scim/V2", "")]) {
      expect((await call("GET", path)).status).toBe(200);
    }
    expect((await call("GET", `/users/${u.id}/`)).status).toBe(200);
    expect((await call("GET", `${ORIGIN}/SCIM/v2/Users`)).status).toBe(200);
    expect((await call("GET", "/schemas/")).status).toBe(200);
    expect((await call("GET", "/resourcetypes/User")).status).toBe(200);
    expect((await call("GET", "/serviceproviderconfig")).status).toBe(200);
  });
  it("§3.12 unknown endpoints, paths outside basePath and too-deep paths are 404 Error bodies", async () => {
    const { call } = setup();
    for (const url of [`${BASE}/Widgets`, `${ORIGIN}/other/Users`, `${BASE}/Users/a/b`, `${BASE}/`, `${BASE}/Users/%E0%A4%A`]) {
      const r = await call("GET", url);
      expect(r.status, url).toBe(404);
      expect(r.body.schemas).toEqual([ERROR]);
    }
  });
  it("§3.12 methods an endpoint does not support are 405 with Allow, as SCIM errors (discovery is GET only, §4)", async () => {
    const { call, createUser } = setup();
    const u = await createUser("m");
    const cases: [string, string, string][] = [
      ["PUT", "/Users", "GET, HEAD, POST"],
      ["DELETE", "/Groups", "GET, HEAD, POST"],
      ["POST", `/Users/${u.id}`, "GET, HEAD, PUT, PATCH, DELETE"],
      ["GET", "/.search", "POST"],
      ["GET", "/Users/.search", "POST"],
    ];
    for (const [method, path, allow] of cases) {
      const r = await call(method, path);
      expect(r.status, `${method} ${path}`).toBe(405);
      expect(r.headers.get("allow")).toBe(allow);
      expect(errorOf(r).status).toBe("405");
    }
    for (const path of ["/Schemas", "/ResourceTypes/User", "/ServiceProviderConfig"]) {
      const r = await call("POST", path, { body: {} });
      expect(r.status).toBe(405);
      expect(errorOf(r).status).toBe("405");
    }
  });
  it("HEAD answers like GET without a body (RFC 7231 §4.3.2)", async () => {
    const { call, createUser } = setup();
    const u = await createUser("h");
    const r = await call("HEAD", `/Users/${u.id}`);
    expect(r.status).toBe(200);
    expect(r.headers.get("etag")).toBe(u.meta.version);
    expect(r.text).toBe("");
    expect((await call("HEAD", "/Schemas")).text).toBe("");
  });
  it("§3.1 meta.location uses baseUrl when given, else the request's origin + basePath", async () => {
    const { call } = setup({ baseUrl: "https://idp.example.com/scim/v2/" });
    const r = await call("POST", "/Users", { body: { schemas: [USER], userName: "loc" } });
    expect(r.headers.get("location")).toBe(`https://idp.example.com/scim/v2/Users/${r.body.id}`);
    expect(r.body.meta.location).toBe(`https://idp.example.com/scim/v2/Users/${r.body.id}`);
    const s = await call("GET", "/ResourceTypes/User");
    expect(s.body.meta.location).toBe("https://idp.example.com/scim/v2/ResourceTypes/User");
    const plain = setup({ basePath: "" });
    const p = await plain.call("POST", `${ORIGIN}/Users`, { body: { schemas: [USER], userName: "loc" } });
    expect(p.body.meta.location).toBe(`${ORIGIN}/Users/${p.body.id}`);
  });
});

describe("RFC 7644 §4 discovery through the handler", () => {
  it("§4 /Schemas, /Schemas/{id}, /ResourceTypes, /ResourceTypes/{name}, /ServiceProviderConfig", async () => {
    const { call } = setup();
    expect((await call("GET", "/Schemas")).body.totalResults).toBe(3);
    expect((await call("GET", `/Schemas/${GROUP}`)).body.id).toBe(GROUP);
    expect((await call("GET", "/ResourceTypes")).body.totalResults).toBe(2);
    expect((await call("GET", "/ResourceTypes/Group")).body.endpoint).toBe("/Groups");
    expect((await call("GET", "/Schemas/urn:nope")).status).toBe(404);
  });
  it("§4 / RFC 7643 §5 ServiceProviderConfig advertises the page cap as filter.maxResults and etag support", async () => {
    const { call } = setup({ maxResults: 50 });
    const spc = (await call("GET", "/ServiceProviderConfig")).body;
    expect(spc.filter).toEqual({ supported: true, maxResults: 50 });
    expect(spc.etag).toEqual({ supported: true });
    expect(spc.patch).toEqual({ supported: true });
    const fromProvider = setup({ serviceProvider: { filter: { supported: true, maxResults: 7 } } });
    expect((await fromProvider.call("GET", "/ServiceProviderConfig")).body.filter.maxResults).toBe(7);
  });
});

describe("RFC 7644 §3.1 / §3.12 bodies, media types and errors", () => {
  it("§3.1 application/json is accepted as well as application/scim+json (with parameters); a missing type is read as JSON", async () => {
    const { call } = setup();
    const body = { schemas: [USER], userName: "ct1" };
    expect((await call("POST", "/Users", { body, headers: { "content-type": "application/json; charset=utf-8" } })).status).toBe(201);
    // (a string body would get text/plain from the Request constructor; bytes get no type)
    const bytes = new TextEncoder().encode(JSON.stringify({ ...body, userName: "ct2" }));
    expect((await call("POST", "/Users", { raw: bytes })).status).toBe(201);
    // text/plain is another media type: 415
    expect((await call("POST", "/Users", { raw: JSON.stringify({ ...body, userName: "ct3" }) })).status).toBe(415);
  });
  it("§3.1 any other media type on a body is 415", async () => {
    const { call } = setup();
    const r = await call("POST", "/Users", { raw: "userName=x", headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect(r.status).toBe(415);
    expect(errorOf(r).status).toBe("415");
  });
  it("§3.12 a body that is not JSON (or empty, or not UTF-8) is 400 invalidSyntax", async () => {
    const { call, createUser } = setup();
    const u = await createUser("syn");
    for (const raw of ["{not json", "", new Uint8Array([0x7b, 0xff, 0x7d])]) {
      const r = await call("PATCH", `/Users/${u.id}`, { raw, headers: { "content-type": "application/scim+json" } });
      expect(r.status).toBe(400);
      expect(errorOf(r).scimType).toBe("invalidSyntax");
    }
  });
  it("§3.12 413 for a body over maxBodyBytes: from Content-Length before reading, and while streaming without one", async () => {
    const { handler } = setup({ maxBodyBytes: 64 });
    const big = JSON.stringify({ schemas: [USER], userName: "x".repeat(200) });
    const declared = await handler(
      new Request(`${BASE}/Users`, { method: "POST", body: big, headers: { "content-type": "application/scim+json", "content-length": String(big.length) } }),
    );
    expect(declared.status).toBe(413);
    expect((await declared.json()).status).toBe("413");
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new TextEncoder().encode("x".repeat(40)));
        if (pulled > 1000) controller.close();
      },
    });
    const streamed = await handler(
      new Request(`${BASE}/Users`, { method: "POST", body: stream, duplex: "half", headers: { "content-type": "application/scim+json" } } as RequestInit),
    );
    expect(streamed.status).toBe(413);
    expect(pulled).toBeLessThan(10);
  });
  it("§3.12 an unexpected exception is a 500 with a generic detail, passed to onError; never a stack trace", async () => {
    const failing: Store = Object.assign(new MemoryStore(), {
      get: async () => {
        throw new Error("disk on fire at /var/lib/secret");
      },
    });
    const onError = vi.fn();
    const handler = createScimHandler({ resourceTypes: [UserResourceType, GroupResourceType], store: failing, basePath: "/scim/v2", onError });
    const r = await handler(new Request(`${BASE}/Users/x`));
    expect(r.status).toBe(500);
    const text = await r.text();
    expect(JSON.parse(text)).toEqual({ schemas: [ERROR], status: "500", detail: "Internal server error" });
    expect(text).not.toContain("fire");
    expect(onError).toHaveBeenCalledOnce();
    expect(onError.mock.calls[0]![0]).toBeInstanceOf(Error);
    // a throwing onError changes nothing for the client
    const h2 = createScimHandler({ resourceTypes: [UserResourceType], store: failing, onError: () => { throw new Error("x"); } });
    expect((await h2(new Request(`${ORIGIN}/Users/x`))).status).toBe(500);
  });
  it("§3.12 ScimErrors thrown by a store keep their status (e.g. 409) and do not reach onError", async () => {
    const store: Store = Object.assign(new MemoryStore(), {
      create: async () => {
        throw new ScimError(409, "uniqueness", "taken");
      },
    });
    const onError = vi.fn();
    const handler = createScimHandler({ resourceTypes: [UserResourceType], store, onError });
    const r = await handler(new Request(`${ORIGIN}/Users`, { method: "POST", body: JSON.stringify({ schemas: [USER], userName: "a" }), headers: { "content-type": "application/scim+json" } }));
    expect(r.status).toBe(409);
    expect(onError).not.toHaveBeenCalled();
  });
  it("RFC 7644 §2: 401 when the authenticate hook refuses, with WWW-Authenticate", async () => {
    const { call } = setup({ authenticate: (req) => req.headers.get("authorization") === "Bearer ok" });
    const r = await call("GET", "/Users");
    expect(r.status).toBe(401);
    expect(r.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect(errorOf(r).status).toBe("401");
    expect((await call("GET", "/Users", { headers: { authorization: "Bearer ok" } })).status).toBe(200);
  });
  it("createScimHandler checks its options once, at construction", () => {
    const store = new MemoryStore();
    expect(() => createScimHandler({ resourceTypes: [], store })).toThrow(/resourceTypes/);
    expect(() => createScimHandler({ resourceTypes: [UserResourceType, UserResourceType], store })).toThrow(/endpoint/);
    expect(() => createScimHandler({ resourceTypes: [UserResourceType], store, maxBodyBytes: -1 })).toThrow(/maxBodyBytes/);
    expect(() => createScimHandler({ resourceTypes: [GroupResourceType], store, maxResults: 0 })).toThrow(/maxResults/);
  });
});
