// Server benchmark: requests/s of the reference server (examples/reference-server: Hono +
// createScimHandler + SQLite) against scimmy + scimmy-routers + Express (bench/server/
// scimmy-server.mjs, in-memory Maps), both as child processes on 127.0.0.1, loaded in turn by
// autocannon from this process, on the same data, in one run. Prints req/s and the ratios.
//
//   node bench/server/run.mjs [--duration=5] [--connections=10] [--patches=400] [--users=1000]
//
// Workloads (../shared/bench fixtures: user.json for the users, group-member-0.json's member shape):
//   get      GET /Users/{id}, ids rotating over every user
//   filter   GET /Users?filter=userName eq "user<i>", i rotating (exactly one match each)
//   patch    PATCH /Groups/{id} adding one new member per request to a group that starts with
//            100 members. Both servers do the same fixed number of requests (--patches), so the
//            group grows identically; req/s = requests / elapsed time.
// Bounded: every timed run stops after --duration seconds (get, filter) or --patches requests,
// and a watchdog kills everything after 5 minutes. Loopback only.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const arg = (name, fallback) => {
  const hit = process.argv.find((a) => a.startsWith(`--${name}=`));
  return hit ? Number(hit.slice(name.length + 3)) : fallback;
};
const DURATION = arg("duration", 5);
const CONNECTIONS = arg("connections", 10);
const PATCHES = arg("patches", 400);
const USERS = arg("users", 1000);
const TARGET = 2;

const { ensureBuild } = await import(join(root, "scripts/ensure-build.mjs"));
ensureBuild();

const sharedBench = join(root, "..", "shared", "bench");
let userTemplate;
try {
  userTemplate = JSON.parse(readFileSync(join(sharedBench, "user.json"), "utf8"));
} catch {
  // Without ../shared the same shape is built here: a realistic User (RFC 7643 §8.2 style).
  userTemplate = {
    schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
    userName: "bjensen",
    name: { givenName: "Barbara", familyName: "Jensen", formatted: "Ms. Barbara J Jensen III" },
    displayName: "Babs Jensen",
    emails: [{ value: "bjensen@example.com", type: "work", primary: true }],
    active: true,
  };
}
const USER_URN = "urn:ietf:params:scim:schemas:core:2.0:User";
const ENTERPRISE_URN = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
function userBody(i) {
  const { id, meta, groups, password, ...rest } = structuredClone(userTemplate);
  // Both servers get the same body; scimmy drops what it does not declare, as ours may.
  const body = { ...rest, userName: `user${i}` };
  if (body[ENTERPRISE_URN]?.manager) delete body[ENTERPRISE_URN].manager; // a reference to a user neither server has
  body.schemas = (body.schemas ?? [USER_URN]).filter((s) => s === USER_URN || (s === ENTERPRISE_URN && body[ENTERPRISE_URN]));
  return body;
}
const memberValue = (i) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`;

const token = randomBytes(18).toString("base64url");
const tmp = mkdtempSync(join(tmpdir(), "scimtype-bench-server-"));
const children = [];
const watchdog = setTimeout(() => {
  console.error("bench/server: watchdog (5 min) fired; stopping");
  for (const c of children) c.kill("SIGKILL");
  process.exit(1);
}, 300_000);
watchdog.unref();

function start(name, args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env, PORT: "0", SCIM_TOKEN: token }, stdio: ["ignore", "pipe", "pipe"] });
    children.push(child);
    let out = "";
    let started = false;
    const timer = setTimeout(() => reject(new Error(`${name} did not start:\n${out}`)), 30_000);
    // After start-up the request log is drained and dropped (this process runs autocannon: it
    // must not spend its time keeping or scanning the server's log).
    child.stdout.on("data", (d) => {
      if (started) return;
      out += d;
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+\/scim\/v2)/.exec(out);
      if (m) {
        started = true;
        clearTimeout(timer);
        resolve({ name, base: m[1], child });
      }
    });
    child.stderr.on("data", (d) => {
      if (!started) out += d;
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited (${code}):\n${out}`));
    });
  });
}

async function call(server, method, path, body) {
  const res = await fetch(`${server.base}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/scim+json" },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

async function seed(server) {
  const ids = [];
  for (let i = 0; i < USERS; i += 50) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(50, USERS - i) }, (_, k) => call(server, "POST", "/Users", userBody(i + k))),
    );
    for (const r of batch) {
      if (r.status !== 201) throw new Error(`${server.name}: seeding a user gave ${r.status}: ${JSON.stringify(r.body)}`);
      ids.push(r.body.id);
    }
  }
  const members = Array.from({ length: 100 }, (_, i) => ({ value: memberValue(i), display: `User ${i}` }));
  const group = await call(server, "POST", "/Groups", { schemas: ["urn:ietf:params:scim:schemas:core:2.0:Group"], displayName: "Bench group", members });
  if (group.status !== 201) throw new Error(`${server.name}: seeding the group gave ${group.status}`);
  return { ids, groupId: group.body.id };
}

// The same answers from both before anything is timed.
async function check(server, data) {
  const problems = [];
  const got = await call(server, "GET", `/Users/${data.ids[7]}`);
  if (got.status !== 200 || got.body?.id !== data.ids[7] || got.body?.userName !== "user7") problems.push(`GET by id: ${got.status}`);
  const found = await call(server, "GET", `/Users?filter=${encodeURIComponent('userName eq "user7"')}`);
  if (found.status !== 200 || found.body?.totalResults !== 1 || found.body?.Resources?.[0]?.id !== data.ids[7]) {
    problems.push(`filter: ${found.status} totalResults=${found.body?.totalResults}`);
  }
  return problems;
}

async function load(server, requests, { amount, duration } = {}) {
  const result = await autocannon({
    url: server.base,
    connections: CONNECTIONS,
    ...(amount !== undefined ? { amount } : { duration }),
    timeout: 30,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/scim+json" },
    requests,
  });
  const ok = result["2xx"];
  const bad = result.non2xx + result.errors + result.timeouts;
  const seconds = result.duration;
  return { rps: ok / seconds, ok, bad, seconds };
}

const workloads = [
  {
    id: "get",
    name: "GET /Users/{id}",
    run: (server, data) => {
      let i = 0;
      return load(server, [{ method: "GET", setupRequest: (req) => ({ ...req, path: `${new URL(server.base).pathname}/Users/${data.ids[i++ % data.ids.length]}` }) }], { duration: DURATION });
    },
  },
  {
    id: "filter",
    name: 'GET /Users?filter=userName eq "…"',
    run: (server) => {
      let i = 0;
      return load(
        server,
        [{ method: "GET", setupRequest: (req) => ({ ...req, path: `${new URL(server.base).pathname}/Users?filter=${encodeURIComponent(`userName eq "user${i++ % USERS}"`)}` }) }],
        { duration: DURATION },
      );
    },
  },
  {
    id: "patch",
    name: "PATCH /Groups/{id} add member",
    run: (server, data) => {
      let i = 100;
      const path = `${new URL(server.base).pathname}/Groups/${data.groupId}`;
      return load(
        server,
        [
          {
            method: "PATCH",
            setupRequest: (req) => {
              const n = i++;
              return {
                ...req,
                path,
                body: JSON.stringify({
                  schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                  Operations: [{ op: "add", path: "members", value: [{ value: memberValue(n), display: `User ${n}` }] }],
                }),
              };
            },
          },
        ],
        { amount: PATCHES },
      );
    },
    verify: async (server, data) => {
      const g = await call(server, "GET", `/Groups/${data.groupId}`);
      return g.body?.members?.length === 100 + PATCHES ? [] : [`group has ${g.body?.members?.length} members, expected ${100 + PATCHES}`];
    },
  },
];

let exitCode = 0;
try {
  const ours = await start("scimtype reference server", ["--import", "tsx", "examples/reference-server/main.ts"], {
    SCIM_DB: join(tmp, "bench.db"),
  });
  const peer = await start("scimmy + scimmy-routers + Express", [join(root, "bench/server/scimmy-server.mjs")], {});
  const contenders = [ours, peer];
  const data = new Map();
  for (const s of contenders) {
    data.set(s, await seed(s));
    const problems = await check(s, data.get(s));
    if (problems.length > 0) throw new Error(`${s.name} answers wrongly, not timed: ${problems.join("; ")}`);
  }
  console.log(
    `bench/server: Node ${process.version}, ${USERS} users, autocannon ${CONNECTIONS} connections, ` +
      `${DURATION} s per read workload, ${PATCHES} PATCHes; reference server with SQLite (synchronous=FULL, WAL)\n`,
  );
  const rows = [];
  for (const w of workloads) {
    const figures = [];
    for (const s of contenders) {
      const r = await w.run(s, data.get(s));
      const problems = w.verify ? await w.verify(s, data.get(s)) : [];
      if (r.bad > 0) problems.push(`${r.bad} failed requests`);
      figures.push({ ...r, problems });
    }
    const [a, b] = figures;
    const ratio = a.rps / b.rps;
    const pass = ratio >= TARGET && a.problems.length === 0 && b.problems.length === 0;
    if (!pass) exitCode = 1;
    rows.push([w.name, a.rps.toFixed(0), b.rps.toFixed(0), `${ratio.toFixed(2)}×`, pass ? "ok" : "BELOW TARGET"]);
    for (const [s, f] of [[ours, a], [peer, b]]) for (const p of f.problems) console.log(`  ${w.id} ${s.name}: ${p}`);
  }
  const header = ["workload", "scimtype req/s", "scimmy req/s", "ratio", `target ≥ ${TARGET}×`];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  console.log(line(header));
  for (const r of rows) console.log(line(r));
} catch (error) {
  console.error(`bench/server: ${error instanceof Error ? error.message : error}`);
  exitCode = 1;
} finally {
  for (const c of children) if (c.exitCode === null) c.kill("SIGTERM");
  await new Promise((r) => setTimeout(r, 300));
  for (const c of children) if (c.exitCode === null) c.kill("SIGKILL");
  rmSync(tmp, { recursive: true, force: true });
}
process.exit(exitCode);
