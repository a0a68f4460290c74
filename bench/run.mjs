// Side-by-side benchmark runner (`npm run bench`). Every workload module in ./workloads exports
// `cases(lib)` (sync or async) returning
//   [{ id, name, ours, peers: { [peerName]: fn }, check?(result, who), targets?: { [peerName]: ratio } }]
// where `lib` is the built package (../dist/index.js). Each function returns its result, which
// `check` verifies once for every contender before anything is timed (../shared/bench/README.md):
// a peer whose output is wrong is reported and not timed.
//
// Usage: node bench/run.mjs [idPrefix…] [--time=ms]
//   SCIMTYPE_ENTRY=/path/to/index.js overrides the package entry (e.g. an unreleased build).

import { readdir } from "node:fs/promises";
import { pathToFileURL } from "node:url";

const args = process.argv.slice(2);
const timeArg = args.find((a) => a.startsWith("--time="));
const TIME_MS = timeArg ? Number(timeArg.slice(7)) : 1000;
const only = args.filter((a) => !a.startsWith("--"));

const entry = process.env.SCIMTYPE_ENTRY
  ? pathToFileURL(process.env.SCIMTYPE_ENTRY).href
  : new URL("../dist/index.js", import.meta.url).href;
const lib = await import(entry);

// Results go here so that the optimiser cannot drop a call whose result is unused.
let sink;

/**
 * Calls `runBatch(n)` (which runs the contender n times and returns the elapsed ms) with a
 * batch size that makes one batch last about 10 ms, after a warm-up, for about `ms`; returns
 * the median of the per-batch ops/s. Sync and async contenders share it, so an async one pays
 * for its awaits but a sync one never does.
 */
async function measureBatches(runBatch, ms) {
  let batch = 1;
  const warmEnd = performance.now() + Math.min(200, ms / 4);
  for (;;) {
    const dt = await runBatch(batch);
    if (dt < 10) batch *= 2;
    if (performance.now() > warmEnd && dt >= 5) break;
  }
  const rates = [];
  const end = performance.now() + ms;
  while (performance.now() < end || rates.length < 5) rates.push((batch * 1000) / (await runBatch(batch)));
  rates.sort((a, b) => a - b);
  return { hz: rates[rates.length >> 1], samples: rates.length };
}

function syncBatch(fn) {
  return (n) => {
    const t0 = performance.now();
    for (let i = 0; i < n; i++) sink = fn();
    return performance.now() - t0;
  };
}

// scimmy's PatchOp is async: each call is awaited.
function asyncBatch(fn) {
  return async (n) => {
    const t0 = performance.now();
    for (let i = 0; i < n; i++) sink = await fn();
    return performance.now() - t0;
  };
}

const isAsync = (fn) => fn.constructor.name === "AsyncFunction";
const timed = (fn, ms) => measureBatches(isAsync(fn) ? asyncBatch(fn) : syncBatch(fn), ms);

async function verify(kase, who, fn) {
  if (!kase.check) return true;
  try {
    const verdict = kase.check(await fn(), who);
    return verdict === true ? true : String(verdict || "wrong result");
  } catch (error) {
    return `threw ${error?.name ?? "error"}: ${error?.message ?? error}`;
  }
}

const fmt = (n) => n.toLocaleString("en-US", { maximumFractionDigits: n < 100 ? 2 : 0 });
const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);

const dir = new URL("./workloads/", import.meta.url);
const files = (await readdir(dir)).filter((f) => f.endsWith(".mjs")).sort();
const summary = [];
let failures = 0;

console.log(`node ${process.version}, ${TIME_MS} ms per contender, medians of ~10 ms batches\n`);
for (const file of files) {
  const mod = await import(new URL(file, dir).href);
  const cases = await mod.cases(lib);
  for (const kase of cases) {
    if (only.length > 0 && !only.some((p) => kase.id === p || kase.id.startsWith(p))) continue;
    console.log(`${kase.id}  ${kase.name}`);
    const ourCheck = await verify(kase, "scimtype", kase.ours);
    if (ourCheck !== true) {
      console.log(`  scimtype: WRONG OUTPUT (${ourCheck}); not timed\n`);
      failures++;
      continue;
    }
    const ours = await timed(kase.ours, TIME_MS);
    console.log(`  ${pad("scimtype", 28)}${lpad(fmt(ours.hz), 14)} ops/s`);
    const row = { id: kase.id, ours: ours.hz, peers: {} };
    for (const [peer, fn] of Object.entries(kase.peers ?? {})) {
      const ok = await verify(kase, peer, fn);
      if (ok !== true) {
        console.log(`  ${pad(peer, 28)}${lpad("—", 14)}        wrong output, not timed (${ok})`);
        row.peers[peer] = null;
        continue;
      }
      const r = await timed(fn, TIME_MS);
      const ratio = ours.hz / r.hz;
      const target = kase.targets?.[peer];
      const verdict = target === undefined ? "" : ratio >= target ? `  (target ≥ ${target}×: met)` : `  (target ≥ ${target}×: MISSED)`;
      if (target !== undefined && ratio < target) failures++;
      console.log(`  ${pad(peer, 28)}${lpad(fmt(r.hz), 14)} ops/s   scimtype ×${ratio.toFixed(2)}${verdict}`);
      row.peers[peer] = { hz: r.hz, ratio };
    }
    summary.push(row);
    console.log("");
  }
}

const peerNames = [...new Set(summary.flatMap((r) => Object.keys(r.peers)))];
if (summary.length > 0) {
  console.log("Summary (ops/s; ratio = scimtype ÷ peer)");
  const header = `| ${pad("id", 6)} | ${lpad("scimtype", 12)} | ${peerNames.map((p) => lpad(p, 26)).join(" | ")} |`;
  console.log(header);
  console.log(header.replace(/[^|]/g, "-"));
  for (const r of summary) {
    const cells = peerNames.map((p) => {
      const v = r.peers[p];
      if (v === undefined) return lpad("", 26);
      if (v === null) return lpad("wrong output", 26);
      return lpad(`${fmt(v.hz)} (×${v.ratio.toFixed(2)})`, 26);
    });
    console.log(`| ${pad(r.id, 6)} | ${lpad(fmt(r.ours), 12)} | ${cells.join(" | ")} |`);
  }
}
if (sink === Symbol.for("never")) console.log(sink);
process.exitCode = failures > 0 ? 1 : 0;
