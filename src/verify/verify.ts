import { Verifier } from "./checks.js";
import { discover } from "./discover.js";
import { BudgetExceeded, Session } from "./session.js";
import type { CheckKind, CheckResult, VerifyOptions, VerifyReport } from "./types.js";
import { ValueFactory } from "./values.js";

const ALL_KINDS: readonly CheckKind[] = ["immutable", "readOnly", "writeOnly", "returned", "atomicity"];

/** A finding about the run itself rather than an attribute. */
function skipped(id: string, rfc: string, detail: string): CheckResult {
  return { id, resourceType: "-", attribute: "-", mutability: "-", verdict: "skip", request: undefined, response: undefined, rfc, detail };
}

/**
 * Proves that a SCIM 2.0 service provider keeps its mutability contract: it reads the
 * server's own `/ResourceTypes` and `/Schemas`, creates test resources of its own, and checks
 * for every attribute that immutable values cannot change, readOnly values are ignored or
 * rejected, writeOnly values are never returned, `returned` is honoured, and a PATCH is
 * atomic. It deletes what it created (unless `cleanup: false`), never touches anything else,
 * and bounds its requests (`maxRequests`, `rate`).
 *
 * @example
 * ```ts
 * import { verify } from "scimtype/verify";
 * const report = await verify({ baseUrl: "http://127.0.0.1:8080/scim/v2", token: process.env.SCIM_TOKEN });
 * if (report.summary.failed > 0) process.exitCode = 1;
 * ```
 */
export async function verify(options: VerifyOptions): Promise<VerifyReport> {
  const fetcher = options.fetch ?? globalThis.fetch;
  const session = new Session(
    options.baseUrl,
    options.token,
    fetcher,
    options.maxRequests ?? 2000,
    options.rate ?? 20,
    options.timeoutMs ?? 10_000,
  );
  const kinds = new Set(options.only ?? ALL_KINDS);
  const token = Math.random().toString(36).slice(2, 10);
  const { types, notes } = await discover(session);
  const wanted = options.resourceTypes?.map((n) => n.toLowerCase());
  const selected = wanted === undefined ? types : types.filter((t) => wanted.includes(t.rt.name.toLowerCase()));
  const verifier = new Verifier(session, new ValueFactory(token), kinds, types, options.onCheck);
  const extra: CheckResult[] = notes.map((detail, i) => skipped(`discovery.${i}`, "RFC 7644 §4", detail));
  try {
    for (const t of selected) await verifier.run(t);
  } catch (error) {
    if (!(error instanceof BudgetExceeded)) throw error;
    extra.push(skipped("verify.budget", "-", `${error.message}: the remaining checks were not run (raise maxRequests)`));
  } finally {
    if (options.cleanup !== false) {
      const cleaner = new Session(options.baseUrl, options.token, fetcher, 10_000, options.rate ?? 20, options.timeoutMs ?? 10_000);
      await verifier.cleanup(cleaner);
    }
  }
  const checks = [...verifier.results, ...extra];
  return {
    summary: {
      passed: checks.filter((c) => c.verdict === "pass").length,
      failed: checks.filter((c) => c.verdict === "fail").length,
      skipped: checks.filter((c) => c.verdict === "skip").length,
    },
    checks,
  };
}
