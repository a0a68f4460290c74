// Compile-time budget (TYPES.md): compiles each consumer case against the built .d.ts through
// the package's `exports` map, the way users compile (strict, nodenext, skipLibCheck), with and
// without exactOptionalPropertyTypes, and prints instantiations, types and check time for
// TypeScript 5.9 and, where installed, the TypeScript 7 native compiler (tsgo).
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "../..");
const out = join(here, ".out");
const bin = (name) => join(root, "node_modules/.bin", name);

if (!existsSync(join(root, "dist/index.d.ts"))) {
  execFileSync("npm", ["run", "build"], { cwd: root, stdio: "inherit" });
}
execFileSync(process.execPath, [join(here, "generate-stress.mjs")]);

// [case, reported net of, budget, what]
const cases = [
  ["declare", "baseline", 4000, "declare User + Enterprise + one custom extension"],
  ["user-views", "baseline", 30000, "User: every view + 50 assertions and typed PATCH calls"],
  ["one-patch-1", "one-patch-0", 300, "one typed PATCH call on User (table already built)"],
  ["one-patch-0", "baseline", Number.POSITIVE_INFINITY, "first typed PATCH call on User (builds the table; no budget)"],
  ["stress-200", "baseline", 80000, "200-attribute RFC-depth schema, every view + 40 PATCH calls"],
];
if (existsSync(join(here, "cases/validators.ts"))) {
  cases.push(["validators", "baseline", 6000, "User validators + discovery JSON, consumer side"]);
}

function compile(compiler, caseName, exact) {
  const dir = join(out, `${caseName}-${exact ? "exact" : "loose"}`);
  mkdirSync(dir, { recursive: true });
  const tsconfig = {
    compilerOptions: {
      strict: true,
      exactOptionalPropertyTypes: exact,
      module: "nodenext",
      moduleResolution: "nodenext",
      target: "es2022",
      skipLibCheck: true,
      noEmit: true,
      types: [],
    },
    files: [relative(dir, join(here, "cases", `${caseName}.ts`))],
  };
  writeFileSync(join(dir, "tsconfig.json"), JSON.stringify(tsconfig, null, 2));
  const run = spawnSync(bin(compiler), ["-p", dir, "--extendedDiagnostics"], { cwd: root, encoding: "utf8" });
  const text = `${run.stdout}\n${run.stderr}`;
  const num = (label) => {
    const m = new RegExp(`^${label}:\\s+([\\d.,]+)`, "m").exec(text);
    return m ? Number(m[1].replace(/,/g, "")) : Number.NaN;
  };
  if (run.status !== 0 && !/Instantiations/.test(text)) throw new Error(`${compiler} failed on ${caseName}:\n${text}`);
  const errors = text.split("\n").filter((l) => /error TS\d+/.test(l));
  if (errors.length > 0) throw new Error(`${caseName} does not compile:\n${errors.join("\n")}`);
  return { instantiations: num("Instantiations"), types: num("Types"), check: num("Check time") };
}

const compilers = ["tsc"];
if (existsSync(bin("tsgo"))) compilers.push("tsgo");
const needed = new Set(cases.flatMap(([c, base]) => [c, base]));
let failed = false;
for (const compiler of compilers) {
  const version = spawnSync(bin(compiler), ["-v"], { encoding: "utf8" }).stdout.trim();
  for (const exact of [true, false]) {
    const raw = new Map([...needed].map((c) => [c, compile(compiler, c, exact)]));
    console.log(`\n${compiler} (${version}), exactOptionalPropertyTypes: ${exact}`);
    console.log("case".padEnd(64), "instantiations (net)".padStart(22), "budget".padStart(8), "types".padStart(8), "check s".padStart(8));
    for (const [name, base, budget, what] of cases) {
      const r = raw.get(name);
      const net = r.instantiations - raw.get(base).instantiations;
      const within = Number.isNaN(net) || net <= budget;
      if (compiler === "tsc" && !within) failed = true;
      console.log(
        what.padEnd(64),
        `${net.toLocaleString("en-US")}${within ? "" : " OVER"}`.padStart(22),
        (Number.isFinite(budget) ? budget.toLocaleString("en-US") : "-").padStart(8),
        (r.types - raw.get(base).types).toLocaleString("en-US").padStart(8),
        r.check.toFixed(2).padStart(8),
      );
    }
  }
}
if (failed) {
  console.error("\nA TypeScript 5.9 figure is over its TYPES.md budget.");
  process.exitCode = 1;
}
