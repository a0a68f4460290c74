// The README quickstart compiles against the sources, and its commented-out immutable
// change is a compile error on that very line.
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { compile } from "./support/compile.js";

const here = dirname(fileURLToPath(import.meta.url));
const readme = readFileSync(join(here, "../README.md"), "utf8");
const quickstart = /```ts\n([\s\S]*?)```/.exec(readme)?.[1] ?? "";

function diagnose(source: string) {
  const file = join(here, "readme.generated.ts");
  writeFileSync(file, `${source.replace('from "scimtype"', 'from "../src/index.js"')}\nexport {};\n`);
  try {
    return compile([file]).get(file)!;
  } finally {
    rmSync(file, { force: true });
  }
}

describe("README quickstart", () => {
  it("is at most 20 lines and compiles", () => {
    expect(quickstart.trim().split("\n").length).toBeLessThanOrEqual(20);
    expect(diagnose(quickstart)).toEqual([]);
  });
  it("the immutable change it shows commented out fails to compile on its line", () => {
    const lines = quickstart.split("\n");
    const i = lines.findIndex((l) => l.includes("// does not: immutable"));
    expect(i).toBeGreaterThan(0);
    lines[i] = lines[i]!.replace(/^\/\/ /, "");
    expect(diagnose(lines.join("\n")).map((d) => [d.line, d.code])).toEqual([[i + 1, 2345]]);
  });
});
