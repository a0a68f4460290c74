// Builds dist/ only when it is missing or older than src/ (used by `npm run serve`).
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

export function ensureBuild() {
  const built = join(root, "dist/index.js");
  if (existsSync(built) && statSync(built).mtimeMs >= newest(join(root, "src"))) return;
  console.error("scimtype: building dist/ …");
  execFileSync("npm", ["run", "build"], { cwd: root, stdio: ["ignore", "inherit", "inherit"] });
}

if (import.meta.url === `file://${process.argv[1]}`) ensureBuild();
