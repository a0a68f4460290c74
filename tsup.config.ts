import { defineConfig } from "tsup";

export default defineConfig([
  {
    entry: { index: "src/index.ts", server: "src/server/index.ts", client: "src/client/index.ts", verify: "src/verify/index.ts" },
    format: ["esm", "cjs"],
    dts: true,
    sourcemap: true,
    // The CLI build below writes into the same folder at the same time: keep its files.
    clean: ["!cli.js", "!cli.js.map"],
    target: "node20",
    splitting: false,
    treeshake: true,
  },
  {
    // The `scimtype` command (bin/scimtype.js runs it): ESM only, no types.
    entry: { cli: "src/cli.ts" },
    format: ["esm"],
    dts: false,
    sourcemap: true,
    clean: false,
    target: "node20",
    platform: "node",
    splitting: false,
    treeshake: true,
    banner: { js: "#!/usr/bin/env node" },
    // tsx is the user's (or our dev) dependency, loaded only for .ts modules: never bundle it.
    external: ["tsx", "tsx/esm/api"],
  },
]);
