// Starts the real reference server (examples/reference-server/main.ts, as `npm run serve` runs
// it) as a child process on an ephemeral 127.0.0.1 port with its own database file, and stops
// it with SIGTERM. Every wait is bounded, and a server that outlives its test is killed.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
export const SHARED_EXTERNAL = join(ROOT, "..", "shared", "external");
const MAIN = join(ROOT, "examples", "reference-server", "main.ts");

export interface RunningServer {
  /** `http://127.0.0.1:<port>/scim/v2` */
  readonly base: string;
  readonly port: number;
  readonly token: string;
  readonly dbPath: string;
  readonly child: ChildProcess;
  /** everything the server printed so far */
  output(): string;
  /** SIGTERM, then wait for a clean exit (SIGKILL after `ms`); resolves with the exit code */
  stop(ms?: number): Promise<number | null>;
}

export function tempDir(prefix = "scimtype-e2e-"): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

const running = new Set<ChildProcess>();
process.on("exit", () => {
  for (const child of running) child.kill("SIGKILL");
});

export async function startServer(options: {
  dbPath: string;
  token?: string;
  port?: number;
  env?: Record<string, string>;
  timeoutMs?: number;
}): Promise<RunningServer> {
  const token = options.token ?? "e2e-token-0123456789";
  const child = spawn(process.execPath, ["--import", "tsx", MAIN], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(options.port ?? 0),
      SCIM_DB: options.dbPath,
      SCIM_TOKEN: token,
      SCIM_SYNC: "normal",
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.add(child);
  let out = "";
  child.stdout?.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.once("exit", (code) => {
      running.delete(child);
      resolve(code);
    }),
  );
  const base = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`server did not start within ${options.timeoutMs ?? 20_000} ms:\n${out}`));
    }, options.timeoutMs ?? 20_000);
    const onData = (): void => {
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+\/scim\/v2)/.exec(out);
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        child.stdout?.off("data", onData);
        resolve(match[1]);
      }
    };
    child.stdout?.on("data", onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before listening:\n${out}`));
    });
  });
  return {
    base,
    port: Number(new URL(base).port),
    token,
    dbPath: options.dbPath,
    child,
    output: () => out,
    async stop(ms = 10_000) {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), ms);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}

export const SCIM = "application/scim+json";

/** A small fetch wrapper: JSON in, status + headers + parsed body out. */
export function client(server: { base: string; token: string }) {
  return async function call(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; headers: Headers; body: Record<string, unknown> | undefined; text: string }> {
    const init: RequestInit = {
      method,
      headers: { authorization: `Bearer ${server.token}`, accept: SCIM, ...(body !== undefined ? { "content-type": SCIM } : {}), ...headers },
      signal: AbortSignal.timeout(15_000),
    };
    if (body !== undefined) init.body = typeof body === "string" ? body : JSON.stringify(body);
    const res = await fetch(`${server.base}${path}`, init);
    const text = await res.text();
    let parsed: Record<string, unknown> | undefined;
    try {
      parsed = text === "" ? undefined : (JSON.parse(text) as Record<string, unknown>);
    } catch {
      parsed = undefined;
    }
    return { status: res.status, headers: res.headers, body: parsed, text };
  };
}

export type Call = ReturnType<typeof client>;
