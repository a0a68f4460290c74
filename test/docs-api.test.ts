// Every public export of the entry points has a JSDoc summary and an `@example`, checked with
// the TypeScript API on the barrels (re-exports resolved to their declarations).
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { root } from "./support/cli.js";

const ENTRY_POINTS = ["src/index.ts", "src/client/index.ts", "src/server/index.ts", "src/verify/index.ts"];

export function undocumentedExports(entries: readonly string[]): Map<string, string[]> {
  const files = entries.map((e) => join(root, e));
  const program = ts.createProgram(files, {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    strict: true,
    skipLibCheck: true,
    noEmit: true,
  });
  const checker = program.getTypeChecker();
  const result = new Map<string, string[]>();
  for (const [i, file] of files.entries()) {
    const missing: string[] = [];
    const module = checker.getSymbolAtLocation(program.getSourceFile(file)!)!;
    for (const exported of checker.getExportsOfModule(module)) {
      const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      const summary = ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim();
      const hasExample = symbol.getJsDocTags(checker).some((t) => t.name === "example");
      const lacks = [summary === "" ? "summary" : "", hasExample ? "" : "@example"].filter((s) => s !== "");
      if (lacks.length > 0) missing.push(`${exported.name}: no ${lacks.join(", no ")}`);
    }
    result.set(entries[i]!, missing.sort());
  }
  return result;
}

describe("API docs: every public export has a JSDoc summary and an @example", () => {
  const results = undocumentedExports(ENTRY_POINTS);
  for (const [entry, missing] of results) {
    it(entry, () => {
      expect(missing).toEqual([]);
    });
  }
});
