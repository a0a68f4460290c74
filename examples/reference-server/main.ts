// Command-line entry of the reference server (`npm run serve`). Configuration from the
// environment: PORT (8080), HOST (127.0.0.1), SCIM_DB (./scim.db), SCIM_TOKEN (generated and
// printed once when unset), SCIM_MAX_BODY_BYTES (1 MiB), SCIM_SYNC (full | normal),
// SCIM_PATCH_NO_CONTENT (1: answer PATCH with 204, as Entra ID's test collection expects).
import { randomBytes } from "node:crypto";
import { startReferenceServer } from "./server.js";

function envInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    console.error(`${name} must be a non-negative integer, got ${JSON.stringify(raw)}`);
    process.exit(2);
  }
  return value;
}

let token = process.env.SCIM_TOKEN ?? "";
if (token === "") {
  token = randomBytes(24).toString("base64url");
  // Printed once, here, so the operator can use it; it is never logged again.
  console.log(`SCIM_TOKEN=${token}  (generated for this run; set SCIM_TOKEN to choose one)`);
}
const sync = process.env.SCIM_SYNC === "normal" ? "normal" : "full";
const dbPath = process.env.SCIM_DB ?? "./scim.db";

const server = await startReferenceServer({
  port: envInt("PORT", 8080),
  hostname: process.env.HOST ?? "127.0.0.1",
  dbPath,
  token,
  maxBodyBytes: envInt("SCIM_MAX_BODY_BYTES", 1_048_576),
  synchronous: sync,
  patchNoContent: process.env.SCIM_PATCH_NO_CONTENT === "1",
});
console.log(`scimtype reference server listening on ${server.url} (SQLite: ${dbPath})`);

let stopping = false;
const stop = (signal: string): void => {
  if (stopping) {
    // A second signal means "now": the database is left to SQLite's WAL recovery.
    process.exit(1);
  }
  stopping = true;
  console.log(`${signal}: finishing in-flight requests, then closing the database`);
  server.close().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
};
process.on("SIGTERM", () => stop("SIGTERM"));
process.on("SIGINT", () => stop("SIGINT"));
