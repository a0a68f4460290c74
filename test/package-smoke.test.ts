// The packed tarball works as a dependency: installed into a fresh project (offline, from the
// npm cache that `npm ci` filled), imported from ESM and CommonJS, type-checked as a consumer
// (strict, nodenext), and its `scimtype` bin runs. No network.
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { root } from "./support/cli.js";

const run = promisify(execFile);
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const project = mkdtempSync(join(tmpdir(), "scimtype-smoke-"));
let tarball = "";
let files: string[] = [];
let installedBy = "";

const versionOf = (name: string) => (JSON.parse(readFileSync(join(root, "node_modules", name, "package.json"), "utf8")) as { version: string }).version;

/** Installs the tarball with npm, offline; if the cache lacks something, lays node_modules out by hand. */
async function install(): Promise<string> {
  const deps = ["zod", "fast-json-patch", "type-fest"];
  try {
    await run(npm, ["install", "--offline", "--no-audit", "--no-fund", "--ignore-scripts", "--no-package-lock", tarball, `zod@${versionOf("zod")}`], {
      cwd: project,
      timeout: 90_000,
    });
    return "npm install --offline";
  } catch {
    // Offline install impossible (empty cache): unpack the tarball and link its dependencies
    // from this repository's node_modules. Same files, same resolution.
    const modules = join(project, "node_modules");
    rmSync(modules, { recursive: true, force: true });
    mkdirSync(join(modules, "scimtype"), { recursive: true });
    await run("tar", ["-xzf", tarball, "-C", join(modules, "scimtype"), "--strip-components=1"]);
    for (const dep of deps) symlinkSync(join(root, "node_modules", dep), join(modules, dep), "dir");
    mkdirSync(join(modules, ".bin"));
    symlinkSync(join(modules, "scimtype/bin/scimtype.js"), join(modules, ".bin/scimtype"));
    return "unpacked, dependencies linked";
  }
}

beforeAll(async () => {
  const { stdout } = await run(npm, ["pack", "--json", "--pack-destination", project], { cwd: root, timeout: 60_000 });
  const [info] = JSON.parse(stdout) as [{ filename: string; files: { path: string }[] }];
  tarball = join(project, info.filename);
  files = info.files.map((f) => f.path);
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "smoke", version: "1.0.0", private: true }));
  installedBy = await install();
}, 180_000);
afterAll(() => rmSync(project, { recursive: true, force: true }));

describe(`the packed package, installed into a fresh project`, () => {
  it("ships dist/, the bin and the README, and no sources or tests", () => {
    expect(files).toEqual(expect.arrayContaining(["package.json", "README.md", "bin/scimtype.js", "dist/cli.js", "dist/index.js", "dist/index.cjs", "dist/client.d.ts", "dist/server.d.cts"]));
    expect(files.filter((f) => /^(src|test|examples|bench|docs|scripts)\//.test(f))).toEqual([]);
    expect(existsSync(join(project, "node_modules/scimtype/package.json"))).toBe(true);
    expect(installedBy).not.toBe("");
  });

  it("imports from ESM: the root, scimtype/client and scimtype/server", async () => {
    writeFileSync(
      join(project, "esm.mjs"),
      `import { UserResourceType, patch, ScimError } from "scimtype";
import { createScimClient } from "scimtype/client";
import * as server from "scimtype/server";
const body = patch(UserResourceType).replace("title", "x").toJSON();
const client = createScimClient({ baseUrl: "http://127.0.0.1:1/scim/v2", resourceTypes: [UserResourceType] });
console.log(JSON.stringify({ op: body.Operations[0].op, user: typeof client.User.get, handler: typeof server.createScimHandler, is: ScimError.is(new ScimError(400, "invalidValue", "x")) }));
`,
    );
    const { stdout } = await run(process.execPath, ["esm.mjs"], { cwd: project });
    expect(JSON.parse(stdout)).toEqual({ op: "replace", user: "function", handler: "function", is: true });
  });

  it("requires from CommonJS, and a ScimError from one bundle is recognised by another", async () => {
    writeFileSync(
      join(project, "cjs.cjs"),
      `const { UserResourceType, ScimError } = require("scimtype");
const { createScimClient, ScimError: ClientScimError } = require("scimtype/client");
const { createScimHandler } = require("scimtype/server");
let caught;
try { UserResourceType.parseCreate({ schemas: [] }); } catch (e) { caught = e; }
console.log(JSON.stringify({ client: typeof createScimClient, handler: typeof createScimHandler, status: caught.status, crossBundle: ClientScimError.is(caught) }));
`,
    );
    const { stdout } = await run(process.execPath, ["cjs.cjs"], { cwd: project });
    expect(JSON.parse(stdout)).toEqual({ client: "function", handler: "function", status: 400, crossBundle: true });
  });

  it("type-checks as a consumer (strict, nodenext), and an immutable PATCH is still a compile error there", async () => {
    writeFileSync(join(project, "tsconfig.json"), JSON.stringify({ compilerOptions: { strict: true, module: "nodenext", moduleResolution: "nodenext", skipLibCheck: true, noEmit: true, target: "es2022", types: [] }, files: ["consumer.mts"] }));
    writeFileSync(
      join(project, "consumer.mts"),
      `import { GroupResourceType, UserResourceType, type ScimResource, type User } from "scimtype";
import { createScimClient } from "scimtype/client";
const client = createScimClient({ baseUrl: "http://127.0.0.1:1/scim/v2", resourceTypes: [UserResourceType, GroupResourceType] });
export async function ok(id: string): Promise<ScimResource<User>> { return client.User.get(id); }
export async function bad(id: string) { await client.Group.patch(id, (p) => p.replace('members[value eq "1"].display', "x")); }
`,
    );
    const result = await run(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", "."], { cwd: project }).catch(
      (error: { stdout: string }) => error,
    );
    const errors = result.stdout.split("\n").filter((l) => l.includes("error TS"));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^consumer\.mts\(5,\d+\): error TS2345/);
  }, 60_000);

  it("its bin runs: scimtype --version, and codegen to stdout", async () => {
    const scimtype = join(project, "node_modules/.bin/scimtype");
    const version = await run(scimtype, ["--version"], { cwd: project });
    expect(version.stdout.trim()).toBe((JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string }).version);
    const generated = await run(scimtype, ["codegen", join(root, "../shared/rfc7643/corrected/Group.json")], { cwd: project });
    expect(generated.stderr).toBe("");
    expect(generated.stdout).toContain("export const GroupSchema = defineSchema({");
    expect(readdirSync(join(project, "node_modules/scimtype"))).not.toContain("src");
  });
});
