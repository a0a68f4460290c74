// Shared set-up of the server-*.test.ts files: a handler over a MemoryStore, driven with
// Web `Request` objects (no network).
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { GroupResourceType, UserResourceType, type ViolationEvent } from "../src/index.js";
import { MemoryStore, type ScimHandlerOptions, createScimHandler } from "../src/server/index.js";

export const ORIGIN = "http://scim.test";
export const BASE = `${ORIGIN}/scim/v2`;
export const USER = "urn:ietf:params:scim:schemas:core:2.0:User";
export const GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
export const ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
export const PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
export const ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";
export const LIST = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
export const SEARCH = "urn:ietf:params:scim:api:messages:2.0:SearchRequest";

// biome-ignore lint: response bodies are arbitrary JSON in tests
export type Json = any;

export interface Reply {
  status: number;
  headers: Headers;
  body: Json;
  text: string;
}

export interface CallOptions {
  body?: unknown;
  /** a raw body, sent as is */
  raw?: BodyInit;
  headers?: Record<string, string>;
}

export function setup(overrides: Partial<ScimHandlerOptions> = {}) {
  const store = new MemoryStore();
  const events: ViolationEvent[] = [];
  const handler = createScimHandler({
    resourceTypes: [UserResourceType, GroupResourceType],
    store,
    basePath: "/scim/v2",
    onViolation: (e) => events.push(e),
    ...overrides,
  });
  const call = async (method: string, path: string, options: CallOptions = {}): Promise<Reply> => {
    const headers: Record<string, string> = { ...options.headers };
    let body: BodyInit | undefined = options.raw;
    if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers["content-type"] ??= "application/scim+json";
    }
    const url = path.startsWith("http") ? path : `${BASE}${path}`;
    const res = await handler(new Request(url, { method, headers, ...(body !== undefined ? { body } : {}) }));
    const text = await res.text();
    let parsed: Json;
    try {
      parsed = text === "" ? undefined : JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    return { status: res.status, headers: res.headers, body: parsed, text };
  };
  const createUser = async (userName: string, extra: Record<string, unknown> = {}): Promise<Json> => {
    const r = await call("POST", "/Users", { body: { schemas: [USER], userName, ...extra } });
    if (r.status !== 201) throw new Error(`createUser ${userName}: ${r.status} ${r.text}`);
    return r.body;
  };
  const createGroup = async (displayName: string, members: string[] = [], extra: Record<string, unknown> = {}): Promise<Json> => {
    const body = { schemas: [GROUP], displayName, ...(members.length > 0 ? { members: members.map((value) => ({ value })) } : {}), ...extra };
    const r = await call("POST", "/Groups", { body });
    if (r.status !== 201) throw new Error(`createGroup ${displayName}: ${r.status} ${r.text}`);
    return r.body;
  };
  const patchOp = (...Operations: unknown[]) => ({ schemas: [PATCH_OP], Operations });
  return { handler, store, events, call, createUser, createGroup, patchOp };
}

/** Expects an RFC 7644 §3.12 error body. */
export function errorOf(r: Reply): { status: string; scimType?: string; detail?: string } {
  if (r.body?.schemas?.[0] !== ERROR) throw new Error(`not a SCIM error: ${r.status} ${r.text}`);
  return r.body;
}

const FIXTURES = fileURLToPath(new URL("../../shared/external/elimity-idp-fixtures/", import.meta.url));

/** True when the recorded IdP payloads are available (they are read in place, never copied). */
export const hasFixtures = existsSync(FIXTURES);

export interface Exchange {
  request?: Json;
  response?: Json;
  method: string;
  path: string;
  statusCode: number;
}

export function fixture(name: string): Exchange {
  return JSON.parse(readFileSync(`${FIXTURES}${name}`, "utf8"));
}
