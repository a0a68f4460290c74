// `scimtype verify` from the command line: all checks pass against the running reference server
// (over real HTTP), and a deliberately broken server's specific failures are reported with a
// non-zero exit.
import { type IncomingMessage, type Server, type ServerResponse, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EnterpriseUserSchema, GroupResourceType, UserSchema, defineResourceType, schemaFromJSON } from "../src/index.js";
import { MemoryStore, createScimHandler } from "../src/server/index.js";
import { type RunningServer, startServer, tempDir } from "./e2e-harness.js";
import { EmployeeSchema } from "./fixtures-matrix.js";
import { runCli } from "./support/cli.js";

const EMP = EmployeeSchema.id;

/** Serves a Web-standard handler on 127.0.0.1 over node:http. */
function serve(handler: (request: Request) => Promise<Response>): Promise<{ base: string; server: Server }> {
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = chunks.length > 0 ? Buffer.concat(chunks) : undefined;
    const response = await handler(
      new Request(`http://${req.headers.host}${req.url}`, {
        method: req.method ?? "GET",
        headers: req.headers as Record<string, string>,
        ...(body !== undefined && req.method !== "GET" && req.method !== "HEAD" ? { body } : {}),
      }),
    );
    response.headers.forEach((value, name) => res.setHeader(name, value));
    res.writeHead(response.status);
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve({ base: `http://127.0.0.1:${(server.address() as AddressInfo).port}/scim/v2`, server })),
  );
}

describe("scimtype verify <baseUrl>", () => {
  let reference: RunningServer;
  const dir = tempDir("scimtype-verify-");
  let broken: { base: string; server: Server };

  beforeAll(async () => {
    reference = await startServer({ dbPath: join(dir.path, "scim.db") });
    // advertises badgeId as immutable and tenant as readOnly, enforces neither
    const lax = JSON.parse(JSON.stringify(EmployeeSchema.toJSON()));
    for (const a of lax.attributes) if (a.name === "badgeId" || a.name === "tenant") a.mutability = "readWrite";
    const user = (employee: typeof EmployeeSchema | ReturnType<typeof schemaFromJSON>) =>
      defineResourceType({ name: "User", endpoint: "/Users", schema: UserSchema, extensions: [{ schema: EnterpriseUserSchema, required: false }, { schema: employee, required: false }] });
    const real = createScimHandler({ resourceTypes: [user(schemaFromJSON(lax)), GroupResourceType], store: new MemoryStore(), basePath: "/scim/v2" });
    const shown = createScimHandler({ resourceTypes: [user(EmployeeSchema), GroupResourceType], store: new MemoryStore(), basePath: "/scim/v2" });
    broken = await serve((request) => (/\/(Schemas|ResourceTypes)/i.test(new URL(request.url).pathname) ? shown(request) : real(request)));
  }, 60_000);

  afterAll(async () => {
    await reference?.stop();
    broken?.server.close();
    dir.remove();
  });

  it("against the running reference server: every check passes, exit 0, the last line counts them", async () => {
    const r = await runCli(["verify", reference.base, "--token", reference.token, "--rate", "0"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const last = r.stdout.trim().split("\n").at(-1)!;
    expect(last).toMatch(/^\d+ passed, 0 failed, \d+ skipped$/);
    expect(Number(last.split(" ")[0])).toBeGreaterThan(50);
    // it cleaned up after itself
    const users = await fetch(`${reference.base}/Users?count=0`, { headers: { authorization: `Bearer ${reference.token}` } }).then((res) => res.json());
    expect(users.totalResults).toBe(0);
  }, 60_000);

  it("--json prints one JSON object and nothing else", async () => {
    const r = await runCli(["verify", reference.base, "--token", reference.token, "--rate", "0", "--json", "--resource-type", "Group"]);
    const report = JSON.parse(r.stdout);
    expect(report.summary.failed).toBe(0);
    expect(report.checks.every((c: { resourceType: string }) => c.resourceType === "Group")).toBe(true);
    expect(Object.keys(report.checks[0]).sort()).toEqual(["attribute", "detail", "id", "mutability", "request", "resourceType", "response", "rfc", "verdict"]);
  }, 60_000);

  it("against a server that lets an immutable attribute change and drops readOnly protection: those failures, exit 1", async () => {
    const r = await runCli(["verify", broken.base, "--token", "x", "--rate", "0", "--resource-type", "User"]);
    expect(r.code).toBe(1);
    const failing = r.stdout
      .split("\n")
      .filter((l) => l.startsWith("FAIL"))
      .map((l) => l.split(/\s+/).slice(2, 5).join(" "));
    expect(failing).toEqual(
      expect.arrayContaining([
        `${EMP}:badgeId immutable put-change`,
        `${EMP}:badgeId immutable patch-replace`,
        `${EMP}:badgeId immutable unchanged`,
        `${EMP}:tenant readOnly post-ignored`,
        `${EMP}:tenant readOnly put-ignored`,
        `${EMP}:tenant readOnly patch-rejected`,
      ]),
    );
    expect(failing.every((f) => f.includes("badgeId") || f.includes("tenant") || f.startsWith("PATCH"))).toBe(true);
    expect(r.stdout).toMatch(/\n\d+ passed, [1-9]\d* failed, \d+ skipped\n$/);
  }, 60_000);

  it("bad input: a non-URL, and an unreachable server, exit non-zero with a message", async () => {
    const usage = await runCli(["verify", "not-a-url"]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/not an http\(s\) URL/);
    const down = await runCli(["verify", "http://127.0.0.1:9/scim/v2", "--timeout", "2000"]);
    expect(down.code).toBe(1);
    expect(down.stderr).toMatch(/Discovery failed/);
  }, 60_000);
});
