// The examples type-check with the project's compiler options (as consumers: they import
// "scimtype" through the package's exports map, i.e. the built .d.ts), compile-errors.ts fails
// exactly on the lines marked `// error: <why>`, and the sync job works against the handler.
import { readFileSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { MemoryStore, createScimHandler } from "../src/server/index.js";
import type { AnyResourceType } from "../src/index.js";
import { compile } from "./support/compile.js";
import { root } from "./support/cli.js";

const examples = join(root, "examples");
const files = (readdirSync(examples, { recursive: true }) as string[])
  .filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"))
  .map((f) => join(examples, f));
const compileErrors = join(examples, "typed-client/compile-errors.ts");
const diagnostics = compile(files);

describe("examples type-check with the project's compiler options", () => {
  for (const file of files.filter((f) => f !== compileErrors)) {
    it(relative(root, file), () => {
      expect(diagnostics.get(file)!.map((d) => `${d.line}: TS${d.code} ${d.message.split("\n")[0]}`)).toEqual([]);
    });
  }
});

describe("examples/typed-client/compile-errors.ts fails exactly where an immutable or readOnly field is updated", () => {
  const lines = readFileSync(compileErrors, "utf8").split("\n");
  // A marker ends a line of code (a comment line that mentions the convention is not one).
  const MARKER = /^\s*[^\s/].*\/\/ error: \S/;
  const marked = lines.flatMap((line, i) => (MARKER.test(line) ? [i + 1] : []));

  it("has marked lines, each with a reason", () => {
    expect(marked.length).toBeGreaterThanOrEqual(10);
    for (const line of lines) if (MARKER.test(line)) expect(line).toMatch(/\/\/ error: \S.{5,}$/);
  });

  it("an error on every marked line and on no other", () => {
    const errorLines = [...new Set(diagnostics.get(compileErrors)!.map((d) => d.line))].sort((a, b) => a - b);
    expect(errorLines).toEqual(marked);
  });
});

// The examples import "scimtype" (the built package), so they are loaded at run time by path:
// a static import would make `tsc -p .` depend on dist/. The shapes used here are restated.
interface Employee {
  employeeId: string;
  active: boolean;
  title: string;
}
interface SyncModule {
  connect(baseUrl: string, token: string, fetch: (r: Request) => Promise<Response>): SyncClient;
  syncEmployees(client: SyncClient, employees: readonly Employee[]): Promise<{ created: string[]; updated: string[]; unchanged: string[]; group: { id: string } }>;
}
interface Resource {
  id: string;
  [key: string]: unknown;
}
interface SyncClient {
  User: { list(o: { filter: string }): Promise<{ Resources: Resource[] }> };
  Group: { get(id: string): Promise<Resource & { displayName: string; members?: unknown[] }> };
}
const load = async <T>(path: string): Promise<T> => (await import(join(examples, path))) as T;

describe("examples/typed-client/sync.ts against createScimHandler with the reference server's resource types", async () => {
  const { connect, syncEmployees } = await load<SyncModule>("typed-client/sync.ts");
  const { ReferenceUser, ReferenceGroup } = await load<Record<string, AnyResourceType & Parameters<typeof createScimHandler>[0]["resourceTypes"][number]>>(
    "reference-server/resource-types.ts",
  );
  const employees = JSON.parse(readFileSync(join(examples, "typed-client/employees.json"), "utf8")) as Employee[];
  const handler = createScimHandler({ resourceTypes: [ReferenceUser!, ReferenceGroup!], store: new MemoryStore(), basePath: "/scim/v2" });
  const client = connect("http://scim.test/scim/v2", "unused", handler);

  it("creates every user and the group on the first run", async () => {
    const report = await syncEmployees(client, employees);
    expect(report.created).toHaveLength(employees.length);
    const group = await client.Group.get(report.group.id);
    expect(group.displayName).toBe("Engineering");
    expect(group.members).toHaveLength(1); // the active engineer
  });

  it("changes only what differs on the next run, immutable values untouched", async () => {
    const changed = employees.map((e) => (e.employeeId === "E-1003" ? { ...e, active: true, title: "Senior Engineer" } : e));
    const report = await syncEmployees(client, changed);
    expect(report.created).toEqual([]);
    expect(report.updated).toEqual(["jsmith@example.com"]);
    expect(report.unchanged).toHaveLength(2);
    const group = await client.Group.get(report.group.id);
    expect(group.members).toHaveLength(2);
    const { Resources: [jo] } = await client.User.list({ filter: 'userName eq "jsmith@example.com"' });
    expect(jo?.title).toBe("Senior Engineer");
    expect(jo?.["urn:example:params:scim:schemas:extension:reference:2.0:Employee"]).toMatchObject({ employeeId: "E-1003" });
  });
});
