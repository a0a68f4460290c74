// The reference server as a Hono app: request logging and bearer-token auth in front of the
// SDK's framework-free handler (which enforces the body-size limit), mounted under /scim/v2.
import { createHash, timingSafeEqual } from "node:crypto";
import { Hono, type MiddlewareHandler } from "hono";
import { ScimError, type ViolationEvent } from "scimtype";
import { createScimHandler, errorResponse } from "scimtype/server";
import { resourceTypes } from "./resource-types.js";
import type { SqliteStore } from "./sqlite-store.js";

export const BASE_PATH = "/scim/v2";
/** Default request body limit: 1 MiB, far above any single IdP request. */
export const DEFAULT_MAX_BODY_BYTES = 1_048_576;

export interface ReferenceAppOptions {
  readonly store: SqliteStore;
  /** The bearer token every request must present. */
  readonly token: string;
  readonly maxBodyBytes?: number;
  /** Where log lines go (default: stdout). */
  readonly log?: (line: string) => void;
  /** Absolute base URL for `meta.location`; derived from each request when absent. */
  readonly baseUrl?: string;
  /**
   * Answer a successful PATCH with 204 No Content (and its ETag) instead of 200 with the
   * resource, unless the request asks for `attributes`/`excludedAttributes`. RFC 7644 §3.5.2
   * allows both; Entra ID's test collection expects 204. Default false.
   */
  readonly patchNoContent?: boolean;
}


const digest = (text: string): Buffer => createHash("sha256").update(text, "utf8").digest();

/**
 * True when `Authorization` carries exactly `Bearer <token>`. Both sides are hashed first so
 * that `timingSafeEqual` compares equal-length buffers: the time taken says nothing about how
 * much of the token, or its length, a guess got right.
 */
export function bearerMatches(header: string | undefined, expected: Buffer): boolean {
  if (header === undefined) return false;
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header);
  return match !== null && timingSafeEqual(digest(match[1] ?? ""), expected);
}

function scimError(status: number, detail: string, headers: Record<string, string> = {}): Response {
  return errorResponse(new ScimError(status, undefined, detail), headers);
}

/** One log line per violation: where, what, and the action taken; values stay in the audit table. */
function violationLine(event: ViolationEvent): string {
  const id = event.resourceId === undefined ? "" : ` ${event.resourceId}`;
  const op = event.operationIndex === undefined ? "" : ` op#${event.operationIndex}`;
  return `audit ${event.action} ${event.kind} ${event.resourceType}${id} ${event.path} (${event.mutability})${op}`;
}

export function createReferenceApp(options: ReferenceAppOptions): Hono {
  const { store } = options;
  const log = options.log ?? ((line: string) => console.log(line));
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const expectedToken = digest(options.token);

  const handler = createScimHandler({
    resourceTypes,
    store,
    basePath: BASE_PATH,
    ...(options.baseUrl !== undefined ? { baseUrl: options.baseUrl } : {}),
    maxBodyBytes,
    // Identity providers send attributes the server does not declare (Entra's collection PUTs a
    // misspelled `adreses`): dropping them is what RFC 7644 leaves to the server, and keeps
    // provisioning going where a 400 would stop it.
    unknownAttributes: "ignore",
    onViolation: (event) => {
      // The audit table is the durable trail; the log line is for whoever watches the console.
      store.recordViolation(event);
      log(violationLine(event));
    },
    onError: (error, request) => {
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      log(`error ${request.method} ${new URL(request.url).pathname}: ${message}`);
    },
  });

  const app = new Hono();

  // Logging: one line per request with method, path and query, status and time.
  // Headers are never logged, so neither is the token.
  const logger: MiddlewareHandler = async (c, next) => {
    const start = performance.now();
    await next();
    const url = new URL(c.req.url);
    const ms = (performance.now() - start).toFixed(1);
    log(`${new Date().toISOString()} ${c.req.method} ${url.pathname}${url.search} ${c.res.status} ${ms}ms`);
  };

  // Auth before the body is read: an unauthenticated client cannot make the server buffer anything.
  const auth: MiddlewareHandler = async (c, next) => {
    const header = c.req.header("authorization");
    if (bearerMatches(header, expectedToken)) return next();
    // RFC 6750 §3: name the scheme, and say why when a token was sent but is wrong.
    const challenge = header === undefined ? 'Bearer realm="scim"' : 'Bearer realm="scim", error="invalid_token"';
    return scimError(401, header === undefined ? "Authentication required: send Authorization: Bearer <token>" : "Invalid bearer token", {
      "www-authenticate": challenge,
    });
  };

  app.use("*", logger);
  // The body limit is the SDK handler's (`maxBodyBytes`): 413 from Content-Length before
  // reading, or while a chunked body streams in; it runs after `auth`, so an unauthenticated
  // client cannot make the server buffer anything.
  app.use(`${BASE_PATH}/*`, auth);
  app.use(BASE_PATH, auth);

  const serve = async (request: Request): Promise<Response> => {
    let url = request.url;
    // Entra ID's test collection reads `/serviceConfiguration`; serve the RFC document there too.
    const parsed = new URL(url);
    if (parsed.pathname.toLowerCase().replace(/\/+$/, "") === `${BASE_PATH}/serviceconfiguration`) {
      parsed.pathname = `${BASE_PATH}/ServiceProviderConfig`;
      url = parsed.href;
    }
    const response = url === request.url ? await handler(request) : await handler(new Request(url, request));
    if (options.patchNoContent === true && request.method === "PATCH" && response.status === 200) {
      const query = parsed.searchParams;
      if (!query.has("attributes") && !query.has("excludedAttributes")) {
        const headers = new Headers(response.headers);
        headers.delete("content-type");
        headers.delete("content-length");
        return new Response(null, { status: 204, headers });
      }
    }
    return response;
  };
  app.all(BASE_PATH, (c) => serve(c.req.raw));
  app.all(`${BASE_PATH}/*`, (c) => serve(c.req.raw));

  app.notFound((c) => scimError(404, `No endpoint at ${new URL(c.req.url).pathname}; the SCIM API is under ${BASE_PATH}`));
  app.onError((error, c) => {
    log(`error ${c.req.method} ${new URL(c.req.url).pathname}: ${error.stack ?? error.message}`);
    return errorResponse(error);
  });
  return app;
}
