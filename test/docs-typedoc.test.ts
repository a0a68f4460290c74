// `npm run docs` stays clean: typedoc (typedoc.json: every entry point, treatWarningsAsErrors,
// notDocumented for top-level declarations) builds the API site without a warning.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { root } from "./support/cli.js";

const run = promisify(execFile);

describe("typedoc", () => {
  it("builds the API reference with no warning", async () => {
    const out = mkdtempSync(join(tmpdir(), "scimtype-typedoc-"));
    try {
      const result = await run(join(root, "node_modules/.bin/typedoc"), ["--out", out], { cwd: root }).catch(
        (error: { stdout?: string; stderr?: string }) => ({ stdout: `${error.stdout ?? ""}${error.stderr ?? ""}`, failed: true }),
      );
      expect("failed" in result ? result.stdout : "").toBe("");
      expect(result.stdout).not.toMatch(/\[warning\]/);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 120_000);
});
