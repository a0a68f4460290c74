// `npm run serve`: the reference server (examples/reference-server) on 127.0.0.1:8080 (PORT to
// change) with its SQLite store (SCIM_DB, default ./scim.db). Builds dist/ first only when it is
// missing or older than src/, since the example imports the SDK by its package name, which
// resolves to dist/ through the package's own `exports` map.
import { register } from "tsx/esm/api";
import { ensureBuild } from "./ensure-build.mjs";

ensureBuild();
// The example is TypeScript; tsx compiles it in memory as it loads (nothing is written).
register();
await import("../examples/reference-server/main.ts");
