// scimtype/client over the wire against a scripted node:http server on 127.0.0.1: retries
// (429/503, Retry-After, idempotency, bounds), error mapping to ScimError, headers.
import { type IncomingMessage, type ServerResponse, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createScimClient, parseRetryAfter, type RetryOptions } from "../src/client/index.js";
import { GroupResourceType, ScimError, UserResourceType, UserSchema } from "../src/index.js";

interface Recorded {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  body: string;
}
type Reply = { status: number; headers?: Record<string, string>; body?: unknown };

let replies: Reply[] = [];
let requests: Recorded[] = [];
let baseUrl = "";
const server = createServer((req: IncomingMessage, res: ServerResponse) => {
  let body = "";
  req.setEncoding("utf8").on("data", (d: string) => (body += d));
  req.on("end", () => {
    requests.push({ method: req.method!, url: req.url!, headers: req.headers, body });
    const reply = replies.shift() ?? { status: 500, body: "script exhausted" };
    const text = reply.body === undefined ? "" : typeof reply.body === "string" ? reply.body : JSON.stringify(reply.body);
    res.writeHead(reply.status, { "content-type": "application/scim+json", ...reply.headers });
    res.end(text);
  });
});

beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/scim/v2`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));
beforeEach(() => {
  replies = [];
  requests = [];
});

const user = (id: string, version = 'W/"1"') => ({
  schemas: [UserSchema.id],
  id,
  userName: "bjensen",
  meta: { resourceType: "User", version, created: "2026-01-01T00:00:00Z", lastModified: "2026-01-01T00:00:00Z", location: `/Users/${id}` },
});
const scimError = (status: number, scimType?: string, detail?: string) => ({
  schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"],
  status: String(status),
  ...(scimType ? { scimType } : {}),
  ...(detail ? { detail } : {}),
});

function client(retry: RetryOptions | false = {}, token: string | (() => string) = "t0ken") {
  const delays: number[] = [];
  const c = createScimClient({
    baseUrl,
    token,
    resourceTypes: [UserResourceType, GroupResourceType],
    retry: retry === false ? false : { random: () => 0.5, baseDelayMs: 100, sleep: async (ms) => void delays.push(ms), ...retry },
  });
  return { c, delays };
}

describe("retries: exponential backoff with jitter on 429 and 503, bounded", () => {
  it("GET is retried on 503 until it succeeds: delays double (equal jitter: half fixed, half random)", async () => {
    replies = [{ status: 503 }, { status: 503 }, { status: 200, body: user("1") }];
    const { c, delays } = client();
    const u = await c.User.get("1");
    expect(u.userName).toBe("bjensen");
    expect(requests).toHaveLength(3);
    expect(delays).toEqual([75, 150]); // step 100 → 50 + 0.5 × 50; step 200 → 100 + 0.5 × 100
  });

  it("gives up after `attempts` in all and throws the last answer as a ScimError", async () => {
    replies = [{ status: 503, body: scimError(503, undefined, "busy") }, { status: 503, body: scimError(503, undefined, "busy") }, { status: 503, body: scimError(503, undefined, "still busy") }, { status: 200, body: user("1") }];
    const { c } = client();
    const error = await c.User.get("1").catch((e: unknown) => e);
    expect(ScimError.is(error) && [error.status, error.detail]).toEqual([503, "still busy"]);
    expect(requests).toHaveLength(3);
  });

  it("the backoff is capped by maxDelayMs", async () => {
    replies = [{ status: 429 }, { status: 429 }, { status: 429 }, { status: 200, body: user("1") }];
    const { c, delays } = client({ attempts: 4, maxDelayMs: 150 });
    await c.User.get("1");
    expect(delays).toEqual([75, 112.5, 112.5]);
  });

  it("Retry-After in seconds is honoured (never earlier), with a little jitter on top", async () => {
    replies = [{ status: 429, headers: { "retry-after": "2" } }, { status: 200, body: user("1") }];
    const { c, delays } = client();
    await c.User.get("1");
    expect(delays).toEqual([2050]);
  });

  it("Retry-After as an HTTP date", async () => {
    const at = new Date(Date.now() + 3_000).toUTCString();
    replies = [{ status: 503, headers: { "retry-after": at } }, { status: 200, body: user("1") }];
    const { c, delays } = client();
    await c.User.get("1");
    expect(delays[0]).toBeGreaterThan(1_000);
    expect(delays[0]).toBeLessThanOrEqual(3_050);
    expect(parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT", Date.parse("Wed, 21 Oct 2015 07:27:30 GMT"))).toBe(30_000);
    expect(parseRetryAfter("120")).toBe(120_000);
    expect(parseRetryAfter("soon")).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });

  it("a Retry-After longer than maxRetryAfterMs is not waited for: the error is thrown", async () => {
    replies = [{ status: 503, headers: { "retry-after": "3600" }, body: scimError(503, undefined, "maintenance") }];
    const { c, delays } = client();
    await expect(c.User.get("1")).rejects.toMatchObject({ status: 503, detail: "maintenance" });
    expect(delays).toEqual([]);
  });

  it("POST and PATCH are not idempotent: not retried unless the server says so with Retry-After", async () => {
    replies = [{ status: 503 }];
    const { c } = client();
    await expect(c.User.create({ schemas: [UserSchema.id], userName: "bjensen" })).rejects.toMatchObject({ status: 503 });
    expect(requests).toHaveLength(1);

    requests = [];
    replies = [{ status: 429 }];
    await expect(c.User.patch("1", (p) => p.replace("title", "x"))).rejects.toMatchObject({ status: 429 });
    expect(requests).toHaveLength(1);

    requests = [];
    replies = [{ status: 429, headers: { "retry-after": "0" } }, { status: 201, body: user("2") }];
    const created = await c.User.create({ schemas: [UserSchema.id], userName: "bjensen" });
    expect(created.id).toBe("2");
    expect(requests.map((r) => r.body)).toEqual([requests[0]!.body, requests[0]!.body]); // the same body again
  });

  it("PUT and DELETE are idempotent: retried without Retry-After, body resent", async () => {
    replies = [{ status: 503 }, { status: 200, body: user("1") }, { status: 503 }, { status: 204 }];
    const { c } = client();
    await c.User.replace("1", { schemas: [UserSchema.id], userName: "bjensen" });
    await c.User.delete("1");
    expect(requests.map((r) => r.method)).toEqual(["PUT", "PUT", "DELETE", "DELETE"]);
    expect(JSON.parse(requests[1]!.body)).toEqual({ schemas: [UserSchema.id], userName: "bjensen" });
  });

  it("other statuses are never retried; retry: false sends each request once", async () => {
    replies = [{ status: 500, body: scimError(500, undefined, "boom") }];
    await expect(client().c.User.get("1")).rejects.toMatchObject({ status: 500 });
    expect(requests).toHaveLength(1);
    requests = [];
    replies = [{ status: 503 }];
    await expect(client(false).c.User.get("1")).rejects.toMatchObject({ status: 503 });
    expect(requests).toHaveLength(1);
  });

  it("an abort signal cancels the wait between attempts", async () => {
    replies = [{ status: 503, headers: { "retry-after": "30" } }];
    const c = createScimClient({ baseUrl, resourceTypes: [UserResourceType] });
    const controller = new AbortController();
    const pending = c.User.get("1", { signal: controller.signal });
    setTimeout(() => controller.abort(new Error("stop")), 50);
    await expect(pending).rejects.toThrow("stop");
    expect(requests).toHaveLength(1);
  });
});

describe("error mapping: every error answer is a ScimError with the HTTP status", () => {
  it("an RFC 7644 §3.12 body keeps scimType and detail", async () => {
    replies = [{ status: 400, body: scimError(400, "mutability", "Attribute 'id' is readOnly") }];
    const error = await client().c.User.patch("1", (p) => p.replace("title", "x")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ScimError);
    expect(ScimError.is(error) && error.toJSON()).toEqual(scimError(400, "mutability", "Attribute 'id' is readOnly"));
  });

  it("409 uniqueness, 404, 412 come through", async () => {
    replies = [
      { status: 409, body: scimError(409, "uniqueness", "userName taken") },
      { status: 404, body: scimError(404, undefined, "Resource 9 not found") },
      { status: 412, body: scimError(412, undefined, "version mismatch") },
    ];
    const { c } = client();
    await expect(c.User.create({ schemas: [UserSchema.id], userName: "b" })).rejects.toMatchObject({ status: 409, scimType: "uniqueness" });
    await expect(c.User.get("9")).rejects.toMatchObject({ status: 404, scimType: undefined, detail: "Resource 9 not found" });
    await expect(c.User.delete("9", { ifMatch: 'W/"1"' })).rejects.toMatchObject({ status: 412 });
  });

  it("a non-SCIM error body (a proxy's HTML) becomes a ScimError naming the request, with a snippet", async () => {
    replies = [{ status: 502, headers: { "content-type": "text/html" }, body: "<html>Bad Gateway</html>" }];
    const error = await client().c.Group.get("g1").catch((e: unknown) => e);
    expect(ScimError.is(error) && [error.status, error.scimType, error.detail]).toEqual([502, undefined, "GET /Groups/g1: HTTP 502: <html>Bad Gateway</html>"]);
  });

  it("a scimType outside RFC 7644 §3.12 is dropped, the detail kept", async () => {
    replies = [{ status: 400, body: { ...scimError(400, "madeUp", "odd"), scimType: "madeUp" } }];
    await expect(client().c.User.get("1")).rejects.toMatchObject({ status: 400, scimType: undefined, detail: "odd" });
  });

  it("a 2xx answer that is not JSON is a 502 ScimError", async () => {
    replies = [{ status: 200, body: "<html>ok</html>" }];
    await expect(client().c.User.get("1")).rejects.toMatchObject({ status: 502 });
  });
});

describe("requests", () => {
  it("sends the SCIM media type, the bearer token (a function is asked each time), If-Match, encoded ids and the query", async () => {
    let n = 0;
    const { c } = client({}, () => `tok${++n}`);
    replies = [{ status: 200, body: user("a/b") }, { status: 200, body: { schemas: ["urn:ietf:params:scim:api:messages:2.0:ListResponse"], totalResults: 0 } }];
    const u = await c.User.get("a/b", { attributes: ["userName", "emails.value"] });
    const page = await c.User.list({ filter: 'userName eq "b j"', sortBy: "userName", sortOrder: "descending", startIndex: 3, count: 2, excludedAttributes: ["groups"] });
    expect(u.id).toBe("a/b");
    expect(page.Resources).toEqual([]); // left out by the server when there are no results
    expect(requests[0]!.url).toBe("/scim/v2/Users/a%2Fb?attributes=userName%2Cemails.value");
    expect(requests[0]!.headers.authorization).toBe("Bearer tok1");
    expect(requests[0]!.headers.accept).toContain("application/scim+json");
    const q = new URL(requests[1]!.url, "http://x").searchParams;
    expect(Object.fromEntries(q)).toEqual({ filter: 'userName eq "b j"', sortBy: "userName", sortOrder: "descending", startIndex: "3", count: "2", excludedAttributes: "groups" });
    expect(requests[1]!.headers.authorization).toBe("Bearer tok2");
  });

  it("exposes the response ETag (else meta.version) and sends it as If-Match", async () => {
    replies = [{ status: 200, headers: { etag: 'W/"7"' }, body: user("1", 'W/"6"') }, { status: 204 }, { status: 204 }];
    const { c } = client();
    const { etagOf } = await import("../src/client/index.js");
    const u = await c.User.get("1");
    expect(etagOf(u)).toBe('W/"7"');
    expect(etagOf(user("1", 'W/"6"'))).toBe('W/"6"');
    expect(await c.User.patch("1", (p) => p.replace("title", "x"), { ifMatch: u })).toBeUndefined(); // 204
    await c.User.delete("1", { ifMatch: 'W/"9"' });
    expect(requests[1]!.headers["if-match"]).toBe('W/"7"');
    expect(requests[1]!.headers["content-type"]).toBe("application/scim+json");
    expect(JSON.parse(requests[1]!.body)).toEqual({
      schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
      Operations: [{ op: "replace", path: "title", value: "x" }],
    });
    expect(requests[2]!.headers["if-match"]).toBe('W/"9"');
  });

  it("rejects bad set-up early: a non-http baseUrl, a resource type named like a client member, an empty id", async () => {
    expect(() => createScimClient({ baseUrl: "ftp://x", resourceTypes: [] })).toThrow(/http/);
    expect(() => createScimClient({ baseUrl, resourceTypes: [UserResourceType, UserResourceType] })).toThrow(/Two resource types/);
    await expect(client().c.User.get("")).rejects.toThrow(/non-empty/);
  });
});
