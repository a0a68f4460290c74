// The peer for bench/server: scimmy 1.x + scimmy-routers + Express 5 serving Users and Groups
// from in-memory Maps, with the same bearer-token check as the reference server. Written the
// way scimmy's documentation shows, plus a userName index so that `userName eq "…"` is a map
// lookup like the reference server's SQL push-down (a fair comparison, not a handicap).
// Listens on 127.0.0.1:PORT (0: ephemeral) and prints "listening on http://127.0.0.1:<port>/scim/v2".
import { randomUUID, timingSafeEqual, createHash } from "node:crypto";
import express from "express";
import SCIMMY from "scimmy";
import SCIMMYRouters from "scimmy-routers";

const token = process.env.SCIM_TOKEN ?? "bench";
const expected = createHash("sha256").update(token).digest();

function table(resourceType, uniqueKey) {
  const rows = new Map();
  const byKey = new Map();
  const notFound = (id) => new SCIMMY.Types.Error(404, null, `Resource ${id} not found`);
  return {
    ingress(resource, data) {
      const id = resource.id ?? randomUUID();
      const existing = resource.id ? rows.get(id) : undefined;
      if (resource.id && !existing) throw notFound(id);
      const key = uniqueKey ? String(data[uniqueKey]).toLowerCase() : undefined;
      if (key !== undefined && byKey.has(key) && byKey.get(key) !== id) throw new SCIMMY.Types.Error(409, "uniqueness", `${uniqueKey} taken`);
      const now = new Date().toISOString();
      const record = { ...data, id, meta: { resourceType, created: existing?.meta.created ?? now, lastModified: now } };
      if (existing && uniqueKey) byKey.delete(String(existing[uniqueKey]).toLowerCase());
      rows.set(id, record);
      if (key !== undefined) byKey.set(key, id);
      return record;
    },
    egress(resource) {
      if (resource.id) {
        const row = rows.get(resource.id);
        if (!row) throw notFound(resource.id);
        return row;
      }
      const filter = resource.filter;
      if (filter) {
        const [only] = filter;
        const eq = uniqueKey && filter.length === 1 && Object.keys(only).length === 1 ? only[uniqueKey] : undefined;
        if (eq && eq[0] === "eq" && typeof eq[1] === "string") {
          const id = byKey.get(eq[1].toLowerCase());
          return id ? filter.match([rows.get(id)]) : [];
        }
        return filter.match([...rows.values()]);
      }
      return [...rows.values()];
    },
    degress(resource) {
      const row = rows.get(resource.id);
      if (!row) throw notFound(resource.id);
      if (uniqueKey) byKey.delete(String(row[uniqueKey]).toLowerCase());
      rows.delete(resource.id);
    },
  };
}

for (const [Resource, name, key] of [
  [SCIMMY.Resources.User, "User", "userName"],
  [SCIMMY.Resources.Group, "Group", undefined],
]) {
  const t = table(name, key);
  SCIMMY.Resources.declare(Resource).ingress(t.ingress).egress(t.egress).degress(t.degress);
}

const app = express();
app.use(
  "/scim/v2",
  new SCIMMYRouters({
    type: "bearer",
    handler: (request) => {
      const match = /^Bearer\s+(\S+)$/i.exec(request.header("Authorization") ?? "");
      if (!match || !timingSafeEqual(createHash("sha256").update(match[1]).digest(), expected)) throw new Error("Invalid bearer token");
      return "bench";
    },
  }),
);
const server = app.listen(Number(process.env.PORT ?? 0), "127.0.0.1", () => {
  console.log(`scimmy listening on http://127.0.0.1:${server.address().port}/scim/v2`);
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
