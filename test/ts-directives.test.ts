// TYPES.md technique 10: a `@ts-expect-error` proves only that *some* error happened. This
// strips every directive from the type tests, compiles them, and requires the error code the
// directive names (`// @ts-expect-error TS2345 …`) on exactly the line after it, and no
// error anywhere else.
import { readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { compile } from "./support/compile.js";

const here = dirname(fileURLToPath(import.meta.url));
const DIRECTIVE = /^\s*\/\/ @ts-expect-error (TS\d{4})\b/;

export function checkDirectives(files: string[]): Map<string, { expected: string[]; actual: string[] }> {
  const stripped = new Map<string, Map<number, string>>();
  const copies: string[] = [];
  for (const file of files) {
    const lines = readFileSync(file, "utf8").split("\n");
    const expected = new Map<number, string>();
    lines.forEach((line, i) => {
      if (!/^\s*\/\/ @ts-expect-error/.test(line)) return;
      const m = DIRECTIVE.exec(line);
      if (!m) throw new Error(`${file}:${i + 1}: a @ts-expect-error must name its code (// @ts-expect-error TS2345 why)`);
      expected.set(i + 1, m[1]!); // the next line, 0-based
      lines[i] = ""; // keep line numbers
    });
    const copy = file.replace(/\.test-d\.ts$/, ".stripped.ts");
    writeFileSync(copy, lines.join("\n"));
    copies.push(copy);
    stripped.set(copy, expected);
  }
  try {
    const diagnostics = compile(copies);
    const result = new Map<string, { expected: string[]; actual: string[] }>();
    for (const copy of copies) {
      const actual = diagnostics.get(copy)!.map((d) => `${d.line}:TS${d.code}`);
      const expected = [...stripped.get(copy)!].map(([line, code]) => `${line + 1}:${code}`);
      result.set(copy, { expected: [...new Set(expected)].sort(), actual: [...new Set(actual)].sort() });
    }
    return result;
  } finally {
    for (const copy of copies) rmSync(copy, { force: true });
  }
}

describe("TYPES.md technique 10: every @ts-expect-error is the intended error on its own line", () => {
  const files = readdirSync(here)
    .filter((f) => f.endsWith(".test-d.ts"))
    .map((f) => join(here, f));
  const results = checkDirectives(files);
  for (const [file, { expected, actual }] of results) {
    it(`${file.slice(here.length + 1)}: errors appear exactly where the directives say`, () => {
      expect(actual).toEqual(expected);
    });
  }
});
