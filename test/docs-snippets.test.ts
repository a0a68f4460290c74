// The guides' ```ts blocks compile against the built package (imports of "scimtype" resolve
// through the exports map, as in a user's project): every line ending in `// error: <why>` is
// a compile error and no other line is. Blocks fenced as `ts nocheck` are not compiled (other
// libraries' code, fragments). typed-patch.md, interop.md and verify.md have their own owners.
import { readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { compile } from "./support/compile.js";
import { root } from "./support/cli.js";

const docs = join(root, "docs");
const OWNED_ELSEWHERE = new Set(["typed-patch.md", "interop.md", "verify.md"]);
const MARKER = /^\s*[^\s/].*\/\/ error: \S/;

interface Snippet {
  doc: string;
  line: number; // of the opening fence
  file: string;
  marked: number[];
}

const snippets: Snippet[] = [];
for (const doc of readdirSync(docs).filter((f) => f.endsWith(".md") && !OWNED_ELSEWHERE.has(f))) {
  const lines = readFileSync(join(docs, doc), "utf8").split("\n");
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.trim() !== "```ts") continue;
    const end = lines.findIndex((l, j) => j > i && l.trim() === "```");
    const body = lines.slice(i + 1, end);
    const file = join(root, "test", `docs-${doc.replace(/\.md$/, "")}-${i + 1}.generated.ts`);
    writeFileSync(file, `${body.join("\n")}\nexport {};\n`);
    snippets.push({ doc, line: i + 1, file, marked: body.flatMap((l, k) => (MARKER.test(l) ? [k + 1] : [])) });
    i = end;
  }
}
const diagnostics = compile(snippets.map((s) => s.file));
afterAll(() => {
  for (const s of snippets) rmSync(s.file, { force: true });
});

describe("docs/*.md code blocks compile, and fail exactly on the lines marked `// error:`", () => {
  it("there are blocks to check", () => {
    expect(snippets.length).toBeGreaterThan(10);
  });
  for (const s of snippets) {
    it(`${s.doc}:${s.line}`, () => {
      const found = diagnostics.get(s.file)!;
      const unexpected = found.filter((d) => !s.marked.includes(d.line)).map((d) => `line ${d.line}: TS${d.code} ${d.message.split("\n")[0]}`);
      expect(unexpected).toEqual([]);
      expect([...new Set(found.map((d) => d.line))].sort((a, b) => a - b)).toEqual(s.marked);
    });
  }
});
