// `scimtype schemas <module>`: the discovery documents of the resource types a module exports,
// from TypeScript (through tsx) and JavaScript. Runs the built CLI as a child process.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { GroupResourceType, UserResourceType, discovery } from "../src/index.js";
import { root, runCli } from "./support/cli.js";
import { AcmeUser, MatrixResourceType } from "./fixtures-matrix.js";

const tmp = mkdtempSync(join(tmpdir(), "scimtype-schemas-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const plain = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

describe("scimtype schemas", () => {
  it("prints /Schemas and /ResourceTypes of every resource type a TypeScript module exports", async () => {
    const result = await runCli(["schemas", "test/fixtures-matrix.ts"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const docs = discovery({ resourceTypes: [AcmeUser, MatrixResourceType] });
    expect(JSON.parse(result.stdout)).toStrictEqual(plain({ Schemas: docs.schemas, ResourceTypes: docs.resourceTypes }));
  });

  it("--export picks one, --only prints one document, --base-url prefixes meta.location", async () => {
    const result = await runCli(["schemas", "./test/fixtures-matrix.ts", "--export", "MatrixResourceType", "--only", "ResourceTypes", "--base-url", "https://example.com/scim/v2"]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toStrictEqual(plain(discovery({ resourceTypes: [MatrixResourceType], baseUrl: "https://example.com/scim/v2" }).resourceTypes));
  });

  it("loads a JavaScript module (ESM or CommonJS) without tsx", async () => {
    const dist = pathToFileURL(join(root, "dist/index.js")).href;
    writeFileSync(join(tmp, "types.mjs"), `export { UserResourceType, GroupResourceType } from ${JSON.stringify(dist)};\nexport const notOne = 1;\n`);
    writeFileSync(join(tmp, "types.cjs"), `module.exports = { Groups: require(${JSON.stringify(join(root, "dist/index.cjs"))}).GroupResourceType };\n`);
    const esm = await runCli(["schemas", join(tmp, "types.mjs"), "--only", "schemas"]);
    expect(esm.code).toBe(0);
    expect(JSON.parse(esm.stdout)).toStrictEqual(plain(discovery({ resourceTypes: [GroupResourceType, UserResourceType] }).schemas));
    const cjs = await runCli(["schemas", join(tmp, "types.cjs"), "--only", "ResourceTypes"], { cwd: tmp });
    expect(cjs.code).toBe(0);
    expect(JSON.parse(cjs.stdout).Resources.map((r: { name: string }) => r.name)).toEqual(["Group"]);
  });

  it("its output is codegen's input: the reference server's resource types survive the round trip", async () => {
    const module = "examples/reference-server/resource-types.ts";
    const first = await runCli(["schemas", module]);
    expect(first.code).toBe(0);
    writeFileSync(join(tmp, "docs.json"), first.stdout);
    const generated = await runCli(["codegen", join(tmp, "docs.json")]);
    expect(generated.code).toBe(0);
    // The generated module imports the DSL from the built package by file URL, so it loads from tmp.
    const file = join(tmp, "generated.ts");
    writeFileSync(file, generated.stdout.replace('from "scimtype"', `from ${JSON.stringify(pathToFileURL(join(root, "dist/index.js")).href)}`));
    const again = await runCli(["schemas", file]);
    expect(again.stderr).toBe("");
    expect(JSON.parse(again.stdout)).toStrictEqual(JSON.parse(first.stdout));
  });

  const errors: [string, string[], RegExp][] = [
    ["a missing module", ["schemas", "nope/missing.ts"], /scimtype schemas: cannot read module .*missing\.ts/],
    ["a module without resource types", ["schemas", "src/errors.ts"], /exports no resource type/],
    ["an unknown --export", ["schemas", "test/fixtures-matrix.ts", "--export", "Nope"], /has no export 'Nope'; resource types: AcmeUser, MatrixResourceType/],
    ["an export that is not a resource type", ["schemas", "test/fixtures-matrix.ts", "--export", "MatrixSchema"], /export 'MatrixSchema' is not a resource type/],
    ["a bad --only", ["schemas", "test/fixtures-matrix.ts", "--only", "Users"], /--only takes Schemas or ResourceTypes/],
  ];
  for (const [what, args, message] of errors) {
    it(`a clear error for ${what}`, async () => {
      const result = await runCli(args);
      expect(result.code).not.toBe(0);
      expect(result.stdout).toBe("");
      expect(result.stderr).toMatch(message);
    });
  }

  it("a module that throws while loading is reported with its message", async () => {
    writeFileSync(join(tmp, "throws.mjs"), 'throw new Error("kaboom");\n');
    const result = await runCli(["schemas", join(tmp, "throws.mjs")]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/cannot load .*throws\.mjs: kaboom/);
  });

  it("--help and --version", async () => {
    const help = await runCli(["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("schemas");
    expect(help.stdout).toContain("codegen");
    const commandHelp = await runCli(["schemas", "--help"]);
    expect(commandHelp.stdout).toContain("Usage: scimtype schemas <module>");
    const version = await runCli(["--version"]);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});
