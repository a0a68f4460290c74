// Hostile input: every case must finish fast, without a stack overflow, with a result or a
// ScimError.
import { describe, expect, it } from "vitest";
import { ScimError } from "../src/errors.js";
import { compileFilter } from "../src/path/evaluate.js";
import { parseFilter } from "../src/path/parse-filter.js";
import { parsePath } from "../src/path/parse-path.js";
import { printFilter } from "../src/path/print.js";
import { ids, userIndex, users } from "./path-fixtures.js";

function timed<T>(run: () => T): { value: T | ScimError; ms: number } {
  const t0 = performance.now();
  let value: T | ScimError;
  try {
    value = run();
  } catch (e) {
    if (!ScimError.is(e)) throw e;
    value = e;
  }
  return { value, ms: performance.now() - t0 };
}

const BIG = { maxLength: 4_000_000 };

describe("adversarial filters", () => {
  it("10,000 nested parentheses: rejected by length, and beyond the depth limit when the length is allowed", () => {
    const text = `${"(".repeat(10_000)}userName pr${")".repeat(10_000)}`;
    const byLength = timed(() => parseFilter(text));
    expect(byLength.value).toBeInstanceOf(ScimError);
    expect((byLength.value as ScimError).scimType).toBe("invalidFilter");
    const byDepth = timed(() => parseFilter(text, BIG));
    expect((byDepth.value as ScimError).detail).toContain("nested deeper than 64 levels");
    expect(byDepth.ms).toBeLessThan(100);
    const paths = timed(() => parsePath(`emails[${text}]`, BIG));
    expect((paths.value as ScimError).scimType).toBe("invalidFilter");
  });

  it("10,000 nested parentheses with the depth limit lifted never overflow the stack", () => {
    const text = `${"not (".repeat(10_000)}userName pr${")".repeat(10_000)}`;
    const parsed = timed(() => parseFilter(text, { ...BIG, maxDepth: Number.MAX_SAFE_INTEGER }));
    // Either it parses, or the stack guard turns the overflow into a 400.
    if (ScimError.is(parsed.value)) expect(parsed.value.scimType).toBe("invalidFilter");
    else {
      const compiled = timed(() => compileFilter(userIndex, parsed.value as ReturnType<typeof parseFilter>, { maxDepth: Number.MAX_SAFE_INTEGER }));
      if (ScimError.is(compiled.value)) expect(compiled.value.scimType).toBe("invalidFilter");
    }
    expect(parsed.ms).toBeLessThan(1000);
  });

  it("a 1 MB string: rejected at once by default, parsed in linear time when allowed", () => {
    const value = "x".repeat(1 << 20);
    const text = `userName eq "${value}"`;
    const rejected = timed(() => parseFilter(text));
    expect((rejected.value as ScimError).detail).toContain("the limit is 8192");
    expect(rejected.ms).toBeLessThan(20);
    const parsed = timed(() => parseFilter(text, BIG));
    expect(parsed.value).toMatchObject({ kind: "compare", compValue: value });
    expect(parsed.ms).toBeLessThan(200);
    const escaped = timed(() => parseFilter(`userName eq "${"\\u0041\\n".repeat(100_000)}"`, BIG));
    expect((escaped.value as { compValue: string }).compValue).toHaveLength(200_000);
    expect(escaped.ms).toBeLessThan(500);
  });

  it("1 MB of junk fails fast wherever the error is", () => {
    for (const text of [
      "(".repeat(1 << 20),
      `userName eq "${"x".repeat(1 << 20)}`,
      `${"a".repeat(1 << 20)} eq`,
      `${"a.".repeat(1 << 19)}b pr`,
      `1${"a:".repeat(1 << 19)}b pr`,
      `${"a pr and ".repeat(100_000)}`,
      `emails[${"type pr or ".repeat(100_000)}`,
      "]".repeat(1 << 20),
      " ".repeat(1 << 20),
    ]) {
      const r = timed(() => parseFilter(text, BIG));
      expect(r.value).toBeInstanceOf(ScimError);
      expect(r.ms).toBeLessThan(500);
      const p = timed(() => parsePath(text, BIG));
      expect(p.value).toBeInstanceOf(ScimError);
      expect(p.ms).toBeLessThan(500);
    }
  });

  it("5,000 ors within the limits parse, print, compile and evaluate without deep recursion", () => {
    const text = Array.from({ length: 5001 }, (_, i) => `userName eq "user${i}"`).join(" or ") + ' or userName eq "dlee"';
    const parsed = timed(() => parseFilter(text, BIG));
    const ast = parsed.value as ReturnType<typeof parseFilter>;
    expect(ast.kind).toBe("or");
    expect(parsed.ms).toBeLessThan(200);
    expect(printFilter(ast)).toBe(text);
    const test = compileFilter(userIndex, ast);
    expect(ids(test, users)).toEqual(["d4"]);
    const ands = Array.from({ length: 5000 }, () => "(a pr or b pr)").join(" and ");
    expect(timed(() => parseFilter(ands, BIG)).ms).toBeLessThan(200);
  });

  it("parsing time grows linearly with the number of operands", () => {
    const build = (n: number) => Array.from({ length: n }, (_, i) => `emails[type eq "w${i}" and value co "x"]`).join(" or ");
    const small = build(10_000);
    const large = build(100_000);
    parseFilter(small, { maxLength: 1e8 }); // warm-up
    const a = timed(() => parseFilter(small, { maxLength: 1e8 })).ms;
    const b = timed(() => parseFilter(large, { maxLength: 1e8 })).ms;
    expect(b).toBeLessThan(Math.max(a, 1) * 40);
  });
});
