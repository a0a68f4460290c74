#!/usr/bin/env node
// The `scimtype` bin. An installed package runs dist/cli.js straight away. In a clone of the
// repository `npm ci` does not build (no `prepare` script, so that `npm ci` stays fast and
// offline-safe), so there the launcher first builds dist/ when it is missing or older than src/.
// Build output goes to stderr: stdout belongs to the command (`codegen` prints a module there).
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const src = `${root}src`;

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

if (existsSync(`${src}/cli.ts`)) {
  const built = `${root}dist/cli.js`;
  if (!existsSync(built) || statSync(built).mtimeMs < newest(src)) {
    process.stderr.write("scimtype: building dist/ …\n");
    execFileSync("npm", ["run", "--silent", "build"], { cwd: root, stdio: ["ignore", process.stderr, process.stderr] });
  }
}
await import("../dist/cli.js");
