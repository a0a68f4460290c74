// Package hygiene: publint and arethetypeswrong (node16 profile, options in .attw.json) on the
// packed package. Both pack the working tree, so they need `npm run build` first (npm test does).
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { root } from "./support/cli.js";

const run = promisify(execFile);
const bin = (name: string) => join(root, "node_modules/.bin", name);

describe("package hygiene", () => {
  it("publint: no errors, warnings or suggestions", async () => {
    const { stdout } = await run(bin("publint"), ["--strict"], { cwd: root });
    expect(stdout).toContain("All good!");
  }, 120_000);

  it("attw --pack .: every entry point resolves with types for node16 CJS, node16 ESM and bundlers", async () => {
    // attw exits non-zero on any problem; the table is kept in the failure message.
    const result = await run(bin("attw"), ["--pack", ".", "--format", "table-flipped"], { cwd: root }).catch(
      (error: { stdout?: string; stderr?: string }) => ({ stdout: `${error.stdout ?? ""}${error.stderr ?? ""}`, failed: true }),
    );
    expect("failed" in result ? result.stdout : "").toBe("");
    for (const entry of ['"scimtype"', '"scimtype/server"', '"scimtype/client"']) expect(result.stdout).toContain(entry);
  }, 120_000);
});
