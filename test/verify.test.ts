// `scimtype verify` (the immutability contract checker) against our own handler, which must
// pass everything, and against deliberately broken servers, each of whose breakages must be
// reported as failures naming the attribute.
import { describe, expect, it } from "vitest";
import {
  EnterpriseUserSchema,
  GroupResourceType,
  UserSchema,
  defineResourceType,
  schemaFromJSON,
} from "../src/index.js";
import { createScimHandler, MemoryStore, type ServableResourceType } from "../src/server/index.js";
import { formatReport, verify, type VerifyReport } from "../src/verify/index.js";
import { EmployeeSchema } from "./fixtures-matrix.js";

const EMP = EmployeeSchema.id;
const BASE = "http://127.0.0.1/scim/v2";

function acme(employee = EmployeeSchema as typeof EmployeeSchema | ReturnType<typeof schemaFromJSON>): ServableResourceType {
  return defineResourceType({
    name: "User",
    endpoint: "/Users",
    schema: UserSchema,
    extensions: [
      { schema: EnterpriseUserSchema, required: false },
      { schema: employee, required: false },
    ],
  });
}

/** The Employee schema with some characteristics changed: what a broken server really does. */
function employeeWith(changes: Record<string, Record<string, unknown>>) {
  const json = JSON.parse(JSON.stringify(EmployeeSchema.toJSON()));
  for (const a of json.attributes) Object.assign(a, changes[a.name] ?? {});
  return schemaFromJSON(json);
}

type Fetch = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;

/** A server that advertises `advertised` in its discovery documents but enforces `actual`. */
function server(actual: ServableResourceType[], advertised: ServableResourceType[] = actual, store = new MemoryStore()) {
  const real = createScimHandler({ resourceTypes: actual, store, basePath: "/scim/v2" });
  const shown = createScimHandler({ resourceTypes: advertised, store: new MemoryStore(), basePath: "/scim/v2" });
  const fetcher: Fetch = (input, init) => {
    const request = new Request(input, init);
    return /\/(Schemas|ResourceTypes|ServiceProviderConfig)/i.test(new URL(request.url).pathname) ? shown(request) : real(request);
  };
  return { fetcher, store };
}

async function run(fetcher: Fetch, extra: Partial<Parameters<typeof verify>[0]> = {}): Promise<VerifyReport> {
  return verify({ baseUrl: BASE, token: "t", fetch: fetcher as typeof fetch, rate: 0, ...extra });
}

const failedIds = (report: VerifyReport) => report.checks.filter((c) => c.verdict === "fail").map((c) => c.id);

describe("scimtype verify", () => {
  it("our handler keeps the whole contract: every check passes, for User (+ Enterprise, + Employee) and Group", async () => {
    const { fetcher, store } = server([acme(), GroupResourceType]);
    const report = await run(fetcher);
    expect(failedIds(report)).toEqual([]);
    expect(report.summary.passed).toBeGreaterThan(50);
    const kinds = new Set(report.checks.map((c) => c.mutability));
    for (const k of ["immutable", "readOnly", "writeOnly", "always", "atomicity"]) expect(kinds).toContain(k);
    // every resource it created is gone
    const left = await store.list("User", { filter: undefined, matches: undefined, compare: undefined, startIndex: 1, count: 10 });
    expect(left.totalResults).toBe(0);
    const text = formatReport(report);
    expect(text.trim().split("\n").at(-1)).toBe(`${report.summary.passed} passed, 0 failed, ${report.summary.skipped} skipped`);
  });

  it("each check names the attribute, the request, the response, the RFC rule and a verdict", async () => {
    const { fetcher } = server([acme()]);
    const report = await run(fetcher, { only: ["immutable"] });
    const check = report.checks.find((c) => c.id === `User.${EMP}:badgeId.put-change`);
    expect(check).toMatchObject({
      resourceType: "User",
      attribute: `${EMP}:badgeId`,
      mutability: "immutable",
      verdict: "pass",
      request: { method: "PUT", path: expect.stringMatching(/^\/Users\//) },
      response: { status: 400 },
      rfc: expect.stringContaining("RFC 7644 §3.5.1"),
    });
  });

  it("a server that lets an immutable attribute change fails the immutable checks of that attribute", async () => {
    const { fetcher } = server([acme(employeeWith({ badgeId: { mutability: "readWrite" } }))], [acme()]);
    const failed = failedIds(await run(fetcher, { only: ["immutable", "atomicity"] }));
    expect(failed).toEqual(
      expect.arrayContaining([
        `User.${EMP}:badgeId.put-change`,
        `User.${EMP}:badgeId.patch-replace`,
        `User.${EMP}:badgeId.unchanged`,
      ]),
    );
    // (its removal is still refused: badgeId is required; and the atomicity check used it)
    expect(failed.every((id) => id.includes("badgeId") || id.includes("PATCH"))).toBe(true);
  });

  it("a server that drops readOnly protection fails the readOnly checks of that attribute", async () => {
    const { fetcher } = server([acme(employeeWith({ tenant: { mutability: "readWrite" } }))], [acme()]);
    const failed = failedIds(await run(fetcher, { only: ["readOnly"] }));
    expect(failed).toEqual([`User.${EMP}:tenant.post-ignored`, `User.${EMP}:tenant.put-ignored`, `User.${EMP}:tenant.patch-rejected`]);
  });

  it("a server that returns a writeOnly value fails the not-returned checks of that attribute", async () => {
    const { fetcher } = server([acme(employeeWith({ pin: { mutability: "readWrite", returned: "default" } }))], [acme()]);
    const failed = failedIds(await run(fetcher, { only: ["writeOnly"] }));
    expect(failed).toEqual([
      `User.${EMP}:pin.not-returned-post`,
      `User.${EMP}:pin.not-returned-get`,
      `User.${EMP}:pin.not-returned-list`,
      `User.${EMP}:pin.not-returned-attributes`,
    ]);
  });

  it("a server that applies PATCH operations one by one fails the atomicity check", async () => {
    const { fetcher: inner } = server([acme()]);
    const split: Fetch = async (input, init) => {
      const request = new Request(input, init);
      if (request.method !== "PATCH") return inner(request);
      const body = (await request.json()) as { schemas: string[]; Operations: unknown[] };
      let last: Response | undefined;
      for (const op of body.Operations) {
        last = await inner(new Request(request.url, { method: "PATCH", headers: request.headers, body: JSON.stringify({ schemas: body.schemas, Operations: [op] }) }));
        if (!last.ok) return last;
      }
      return last!;
    };
    const report = await run(split, { only: ["atomicity"] });
    expect(failedIds(report)).toEqual(["User.PATCH.first-operation-unapplied"]);
    expect(report.checks[0]!.detail).toMatch(/first operation was applied/);
  });

  it("bounds its requests and still cleans up; never touches resources it did not create", async () => {
    const store = new MemoryStore();
    const { fetcher } = server([acme()], [acme()], store);
    const before = await (await fetcher(`${BASE}/Users`, { method: "POST", headers: { "content-type": "application/scim+json" }, body: JSON.stringify({ schemas: [UserSchema.id], userName: "someone-else" }) })).json();
    const report = await run(fetcher, { maxRequests: 12 });
    expect(report.checks.some((c) => c.id === "verify.budget" && c.verdict === "skip")).toBe(true);
    const left = await store.list("User", { filter: undefined, matches: undefined, compare: undefined, startIndex: 1, count: 10 });
    expect(left.resources.map((r) => r.id)).toEqual([before.id]);
    expect(left.resources[0]).toMatchObject({ userName: "someone-else", meta: { version: before.meta.version } });
  });

  it("cleanup: false keeps what it created", async () => {
    const store = new MemoryStore();
    const { fetcher } = server([acme()], [acme()], store);
    await run(fetcher, { only: ["atomicity"], cleanup: false });
    const left = await store.list("User", { filter: undefined, matches: undefined, compare: undefined, startIndex: 1, count: 10 });
    expect(left.totalResults).toBeGreaterThan(0);
  });
});
