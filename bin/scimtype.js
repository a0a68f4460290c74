#!/usr/bin/env node
// The `scimtype` bin. An installed package runs dist/cli.js straight away. In a clone of the
// repository `npm ci` does not build (no `prepare` script, so that `npm ci` stays fast and
// offline-safe), so there the launcher first builds dist/ when it is missing or older than src/.
import { existsSync } from "node:fs";

if (existsSync(new URL("../src/cli.ts", import.meta.url)) && existsSync(new URL("../scripts/ensure-build.mjs", import.meta.url))) {
  const { ensureBuild } = await import("../scripts/ensure-build.mjs");
  ensureBuild();
}
await import("../dist/cli.js");
