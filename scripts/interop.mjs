// `npm run test:interop`: the real identity-provider test suites against the reference server.
//
// Starts examples/reference-server on 127.0.0.1 (ephemeral port) with a fresh temporary SQLite
// database and runs, with newman, from ../shared/external (read in place, never copied):
//   1. Microsoft's Entra ID "SCIM Tests" Postman collection, on the empty store (it counts);
//   2. Okta's SCIM 2.0 SPEC test, converted from Runscope format by
//      ../shared/tools/runscope-to-postman.mjs into a temporary directory, after seeding the one
//      user its first request needs.
// Passes when Okta passes every assertion and every Entra assertion that fails is one listed in
// docs/interop.md (ENTRA_EXPECTED below) — a new failure, or a listed one that starts passing,
// fails the run so the document stays true. Without ../shared/external it says so and exits 0.
//
// Usage: node scripts/interop.mjs [--verbose]   (--verbose: newman's per-request CLI report)
import { spawn, execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { ensureBuild } from "./ensure-build.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const shared = join(root, "..", "shared");
const external = join(shared, "external");
const verbose = process.argv.includes("--verbose");

/**
 * Entra collection assertions this server fails on purpose, keyed by "item name / assertion".
 * Each is explained in docs/interop.md: they are Entra quirks that the RFC does not require and
 * that the server could only meet by breaking the RFC or a security property.
 */
const ENTRA_EXPECTED = new Map([
  ["Get Token / Status code is 200", "no unauthenticated token endpoint: it would hand the bearer token to anyone"],
  ["Get group by id / Body contians user", "members[].displayName is not a Group sub-attribute (RFC 7643 §4.2): not stored"],
  ["filter eq and (val or val) / Total results", "unquoted filter values are invalid (RFC 7644 §3.4.2.2): 400 invalidFilter"],
  ["filter starts with / Total results", "unquoted filter value: 400 invalidFilter"],
  ["filter greater than / Total results", "unquoted filter value: 400 invalidFilter"],
]);

if (!existsSync(external)) {
  console.log(`test:interop: ${external} is absent; skipping the Entra ID and Okta suites.`);
  process.exit(0);
}

ensureBuild();
const { default: newman } = await import("newman");

const tmp = mkdtempSync(join(tmpdir(), "scimtype-interop-"));
const token = randomBytes(24).toString("base64url");
let server;

function startServer() {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", join(root, "examples/reference-server/main.ts")], {
      cwd: root,
      env: { ...process.env, PORT: "0", HOST: "127.0.0.1", SCIM_DB: join(tmp, "interop.db"), SCIM_TOKEN: token, SCIM_SYNC: "normal", SCIM_PATCH_NO_CONTENT: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`reference server did not start within 30 s:\n${out}`));
    }, 30_000);
    child.stdout.on("data", (d) => {
      out += d;
      const m = /listening on (http:\/\/127\.0\.0\.1:(\d+)\/scim\/v2)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, base: m[1], port: m[2], output: () => out });
      }
    });
    child.stderr.on("data", (d) => (out += d));
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`reference server exited (${code}) before listening:\n${out}`));
    });
  });
}

async function stopServer() {
  if (!server || server.child.exitCode !== null || server.child.signalCode !== null) return;
  const exited = new Promise((resolve) => server.child.once("exit", resolve));
  server.child.kill("SIGTERM");
  const timer = setTimeout(() => server.child.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}

function runCollection(collection, envVar, data) {
  return new Promise((resolve, reject) => {
    newman.run(
      {
        collection,
        envVar: Object.entries(envVar).map(([key, value]) => ({ key, value })),
        // Iteration data outranks the environment in Postman's variable scopes: the Entra
        // collection's first request ("Get Token") overwrites the environment's `token` with
        // the `token` member of its response, which this server does not have (see
        // docs/interop.md), and would otherwise log every later request out.
        ...(data !== undefined ? { iterationData: [data] } : {}),
        reporters: verbose ? ["cli"] : [],
        timeoutRequest: 15_000,
        timeout: 300_000,
      },
      (error, summary) => (error ? reject(error) : resolve(summary)),
    );
  });
}

/** Every assertion of a run: `{ item, assertion, passed, message }`. */
function assertions(summary) {
  const out = [];
  for (const execution of summary.run.executions) {
    for (const a of execution.assertions ?? []) {
      out.push({ item: execution.item.name, assertion: a.assertion, passed: !a.error, message: a.error?.message });
    }
  }
  return out;
}

function report(name, list) {
  const failed = list.filter((a) => !a.passed);
  console.log(`\n${name}: ${list.length - failed.length}/${list.length} assertions passed`);
  for (const a of failed) console.log(`  ✗ ${a.item} / ${a.assertion}: ${a.message}`);
  return failed;
}

let exitCode = 0;
try {
  server = await startServer();
  console.log(`test:interop: reference server at ${server.base} (fresh database in ${tmp})`);

  // 1. Entra ID, first, on the empty store.
  const entra = assertions(
    await runCollection(join(external, "entra-scimreferencecode/PostmanCollection.json"), {
      Protocol: "http",
      Server: "127.0.0.1",
      Port: `:${server.port}`,
      Api: "scim/v2",
    }, { token }),
  );
  const entraFailed = report("Entra ID SCIM Tests (PostmanCollection.json)", entra);
  const failedKeys = new Set(entraFailed.map((a) => `${a.item} / ${a.assertion}`));
  const unexpected = [...failedKeys].filter((k) => !ENTRA_EXPECTED.has(k));
  const nowPassing = [...ENTRA_EXPECTED.keys()].filter((k) => !failedKeys.has(k));
  for (const k of unexpected) console.log(`  UNEXPECTED Entra failure (not in docs/interop.md): ${k}`);
  for (const k of nowPassing) console.log(`  Entra assertion listed as failing now passes; update docs/interop.md: ${k}`);
  if (unexpected.length > 0 || nowPassing.length > 0) exitCode = 1;

  // 2. Okta: seed the one user the SPEC test's first request reads, then run it.
  const seed = await fetch(`${server.base}/Users`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/scim+json" },
    body: JSON.stringify({
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
      userName: "seed.user@example.com",
      name: { givenName: "Seed", familyName: "User" },
      emails: [{ value: "seed.user@example.com", type: "work", primary: true }],
      active: true,
    }),
    signal: AbortSignal.timeout(10_000),
  });
  if (seed.status !== 201) throw new Error(`seeding the Okta user failed: ${seed.status} ${await seed.text()}`);
  const converted = join(tmp, "okta-spec.postman.json");
  execFileSync(
    process.execPath,
    [join(shared, "tools/runscope-to-postman.mjs"), join(external, "okta-scim-tests/Okta-SCIM-20-SPEC-Test.json"), converted],
    { stdio: ["ignore", "ignore", verbose ? "inherit" : "ignore"], timeout: 30_000 },
  );
  const okta = assertions(await runCollection(converted, { SCIMBaseURL: server.base, auth: `Bearer ${token}` }));
  const oktaFailed = report("Okta SCIM 2.0 SPEC test (Okta-SCIM-20-SPEC-Test.json)", okta);
  if (oktaFailed.length > 0 || okta.length === 0) exitCode = 1;

  const entraPassed = entra.length - entraFailed.length;
  console.log(
    `\ntest:interop: Okta ${okta.length - oktaFailed.length}/${okta.length}; ` +
      `Entra ${entraPassed}/${entra.length} (${entraFailed.length} known quirks, see docs/interop.md)`,
  );
  // The plain closing line CI summaries read.
  console.log(`${okta.length - oktaFailed.length + entraPassed} passed, ${unexpected.length + oktaFailed.length} failed`);
} catch (error) {
  console.error(`test:interop: ${error instanceof Error ? error.message : error}`);
  exitCode = 1;
} finally {
  await stopServer();
  if (exitCode !== 0 && server) console.error(`--- reference server output ---\n${server.output().split("\n").slice(-60).join("\n")}`);
  rmSync(tmp, { recursive: true, force: true });
}
process.exit(exitCode);
