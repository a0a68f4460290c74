// DESIGN §7 at the HTTP edge: whatever a client sends (method, path, query, headers, body),
// the handler answers with the RFC status and an RFC 7644 §3.12 error body, never a 500,
// never an unexpected exception.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { GroupResourceType, UserResourceType } from "../src/index.js";
import { MemoryStore, createScimHandler } from "../src/server/index.js";

const BASE = "http://127.0.0.1/scim/v2";
const ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";

describe("handler robustness (fast-check)", () => {
  it("random requests get a well-formed answer: no 500, error bodies carry their own status", async () => {
    const unexpected: unknown[] = [];
    const store = new MemoryStore();
    const handler = createScimHandler({
      resourceTypes: [UserResourceType, GroupResourceType],
      store,
      basePath: "/scim/v2",
      onError: (error) => unexpected.push(error),
    });
    const seeded = await (
      await handler(
        new Request(`${BASE}/Users`, {
          method: "POST",
          headers: { "content-type": "application/scim+json" },
          body: JSON.stringify({ schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"], userName: "seed" }),
        }),
      )
    ).json();
    const id = seeded.id as string;

    const path = fc.oneof(
      fc.constantFrom("/Users", `/Users/${id}`, "/Groups", "/users/", `/Users/${id}/`, "/.search", "/Users/.search", "/Schemas", "/ResourceTypes/User", "/ServiceProviderConfig", "/Users/%E0%A4%A", "/Users/..%2F..%2Fetc", "/Nope", "/", ""),
      fc.string({ maxLength: 20 }).map((s) => `/${encodeURIComponent(s)}`),
    );
    const query = fc.oneof(
      fc.constant(""),
      fc.record(
        {
          filter: fc.oneof(fc.constantFrom('userName eq "seed"', "userName eq seed", "(((", 'emails[type eq "work"', "title pr", "meta.created gt \"x\""), fc.string({ maxLength: 30 })),
          startIndex: fc.oneof(fc.integer({ min: -5, max: 5 }).map(String), fc.string({ maxLength: 4 })),
          count: fc.oneof(fc.integer({ min: -5, max: 500 }).map(String), fc.constant("1e3")),
          attributes: fc.constantFrom("userName", "emails[type eq \"work\"]", "nosuch,,", "urn:ietf:params:scim:schemas:core:2.0:User:name"),
          sortBy: fc.constantFrom("userName", "nosuch", "emails", "name"),
        },
        { requiredKeys: [] },
      ).map((q) => `?${new URLSearchParams(q as Record<string, string>).toString()}`),
    );
    const body = fc.oneof(
      fc.constant(undefined),
      fc.jsonValue().map((v) => JSON.stringify(v)),
      fc.string({ maxLength: 40 }),
      fc.constantFrom(
        '{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"id","value":"x"}]}',
        '{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"add","value":{"__proto__":{"x":1}}}]}',
        '{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"seed"}',
        '{"schemas":["urn:ietf:params:scim:api:messages:2.0:SearchRequest"],"filter":"userName sw \\"s\\"","count":-1}',
        "\u0000\uffff",
      ),
    );
    const request = fc.record({
      method: fc.constantFrom("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"),
      path,
      query,
      body,
      contentType: fc.constantFrom("application/scim+json", "application/json", "text/plain", undefined),
      ifMatch: fc.constantFrom(undefined, "*", 'W/"1"', "garbage", '"x"'),
    });

    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const headers: Record<string, string> = {};
        if (r.contentType !== undefined) headers["content-type"] = r.contentType;
        if (r.ifMatch !== undefined) headers["if-match"] = r.ifMatch;
        const withBody = r.method !== "GET" && r.method !== "HEAD" ? r.body : undefined;
        const response = await handler(new Request(`${BASE}${r.path}${r.query}`, { method: r.method, headers, ...(withBody !== undefined ? { body: withBody } : {}) }));
        expect(response.status).not.toBe(500);
        if (response.status >= 400 && r.method !== "HEAD") {
          const error = await response.json();
          expect(error.schemas).toEqual([ERROR]);
          expect(error.status).toBe(String(response.status));
        }
      }),
      { numRuns: 600 },
    );
    expect(unexpected).toEqual([]);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  }, 60_000);
});
