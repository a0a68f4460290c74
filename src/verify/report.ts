import type { VerifyReport } from "./types.js";

/**
 * A human-readable table of the findings, then the failures in detail, ending with the line
 * `N passed, N failed, N skipped`.
 *
 * @example
 * ```ts
 * console.log(formatReport(await verify({ baseUrl, token }), { color: process.stdout.isTTY }));
 * ```
 */
export function formatReport(report: VerifyReport, options: { color?: boolean } = {}): string {
  const paint = (code: number, text: string) => (options.color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const mark = { pass: paint(32, "pass"), fail: paint(31, "FAIL"), skip: paint(33, "skip") };
  const rows = report.checks.map((c) => [mark[c.verdict], c.resourceType, c.attribute, c.mutability, c.id.split(".").pop() ?? "", c.detail]);
  const widths = [4, 12, 40, 10, 26].map((w, i) => Math.max(w, ...rows.map((r) => stripAnsi(r[i] ?? "").length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i < widths.length ? cell + " ".repeat(Math.max(0, (widths[i] ?? 0) - stripAnsi(cell).length)) : cell)).join("  ");
  const out = [line(["", "type", "attribute", "rule", "check", "detail"])];
  for (const r of rows) out.push(line(r));
  const failures = report.checks.filter((c) => c.verdict === "fail");
  if (failures.length > 0) {
    out.push("", "Failures:");
    for (const f of failures) {
      out.push(`- ${f.id}: ${f.detail}`, `  ${f.rfc}`);
      if (f.request) out.push(`  request: ${f.request.method} ${f.request.path}${f.request.body !== undefined ? ` ${JSON.stringify(f.request.body)}` : ""}`);
      if (f.response) out.push(`  response: ${f.response.status}${f.response.body !== undefined ? ` ${JSON.stringify(f.response.body)}` : ""}`);
    }
  }
  const { passed, failed, skipped } = report.summary;
  out.push("", `${passed} passed, ${failed} failed, ${skipped} skipped`);
  return out.join("\n");
}

function stripAnsi(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching the escape is the point
  return text.replace(/\u001b\[\d+m/g, "");
}
