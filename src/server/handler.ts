import { ScimError } from "../errors.js";
import { DEFAULT_SERVICE_PROVIDER } from "../discovery/service-provider.js";
import { type HandlerContext, type RequestContext, resolveContext } from "./context.js";
import { createDiscoveryRoutes, routePath } from "./discovery-routes.js";
import { listResources, searchAll, searchResources } from "./list-operations.js";
import type { ScimHandlerOptions } from "./options.js";
import {
  createResource,
  deleteResource,
  getResource,
  patchResource,
  replaceResource,
} from "./resource-operations.js";
import { errorResponse } from "./responses.js";

/**
 * A SCIM request handler: Web-standard `Request` in, `Response` out.
 *
 * @example
 * ```ts
 * const handle: ScimHandler = createScimHandler({ resourceTypes: [UserResourceType], store: new MemoryStore(), basePath: "/scim/v2" });
 * app.all("/scim/v2/*", (c) => handle(c.req.raw)); // Hono
 * ```
 */
export type ScimHandler = (request: Request) => Promise<Response>;

/** 405 with `Allow` (RFC 7231 §6.5.5), as a SCIM error body. */
function methodNotAllowed(method: string, path: string, allow: string): Response {
  return errorResponse(new ScimError(405, undefined, `${method} is not supported on ${path}`), { allow });
}

/** A HEAD request is answered as GET without the body (RFC 7231 §4.3.2). */
function headOf(response: Response): Response {
  return new Response(null, { status: response.status, headers: response.headers });
}

function decodeId(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

async function route(ctx: HandlerContext, rc: RequestContext, path: string): Promise<Response> {
  const method = rc.request.method.toUpperCase();
  const segments = path === "/" ? [] : path.slice(1).split("/");
  const [first, second, ...rest] = segments;
  const shown = rc.url.pathname;
  if (first === undefined || rest.length > 0) throw new ScimError(404, undefined, `No endpoint at ${shown}`);
  if (first.toLowerCase() === ".search") {
    if (second !== undefined) throw new ScimError(404, undefined, `No endpoint at ${shown}`);
    return method === "POST" ? searchAll(ctx, rc) : methodNotAllowed(method, shown, "POST");
  }
  const type = ctx.byEndpoint.get(first.toLowerCase());
  if (type === undefined) throw new ScimError(404, undefined, `No endpoint at ${shown}`);
  if (second === undefined) {
    if (method === "GET") return listResources(ctx, rc, type);
    if (method === "POST") return createResource(ctx, rc, type);
    return methodNotAllowed(method, shown, "GET, HEAD, POST");
  }
  if (second.toLowerCase() === ".search") {
    return method === "POST" ? searchResources(ctx, rc, type) : methodNotAllowed(method, shown, "POST");
  }
  const id = decodeId(second);
  if (id === undefined || id === "") throw new ScimError(404, undefined, `No resource at ${shown}`);
  switch (method) {
    case "GET":
      return getResource(ctx, rc, type, id);
    case "PUT":
      return replaceResource(ctx, rc, type, id);
    case "PATCH":
      return patchResource(ctx, rc, type, id);
    case "DELETE":
      return deleteResource(ctx, rc, type, id);
    default:
      return methodNotAllowed(method, shown, "GET, HEAD, PUT, PATCH, DELETE");
  }
}

/**
 * The SCIM 2.0 service provider as one function (RFC 7644): mount it in any framework that
 * speaks Web `Request`/`Response` (Hono, Next.js, Bun, Deno, Node's adapters).
 *
 * Under `basePath` it serves each resource type's endpoint (POST, GET by id and list, PUT,
 * PATCH, DELETE, `POST /{endpoint}/.search`), `POST /.search`, and the discovery endpoints
 * `/Schemas`, `/ResourceTypes`, `/ServiceProviderConfig` (GET only). Endpoint names match
 * case-insensitively and a trailing slash is accepted. Bodies are `application/scim+json`
 * (or `application/json`). Every error is an RFC 7644 §3.12 body; an unexpected exception
 * becomes a generic 500 and goes to `onError`. `meta.version` is a weak ETag: `If-Match` on
 * writes (412), `If-None-Match` on GET by id (304). Options are checked here, once.
 *
 * @example
 * ```ts
 * import { UserResourceType, GroupResourceType } from "scimtype";
 * import { createScimHandler, MemoryStore } from "scimtype/server";
 * const handle = createScimHandler({
 *   resourceTypes: [UserResourceType, GroupResourceType],
 *   store: new MemoryStore(),
 *   basePath: "/scim/v2",
 * });
 * const response = await handle(new Request("http://localhost/scim/v2/Users?count=10"));
 * ```
 */
export function createScimHandler(options: ScimHandlerOptions): ScimHandler {
  const ctx = resolveContext(options);
  const base = options.serviceProvider ?? {};
  const discoveryRoutes = createDiscoveryRoutes({
    resourceTypes: options.resourceTypes,
    // Advertise what this handler actually enforces: the page cap and ETag support.
    serviceProvider: {
      ...base,
      filter: { supported: base.filter?.supported ?? DEFAULT_SERVICE_PROVIDER.filter.supported, maxResults: ctx.maxResults },
      etag: { supported: true },
    },
    basePath: ctx.basePath,
    ...(ctx.baseUrl !== undefined ? { baseUrl: ctx.baseUrl } : {}),
  });
  const { onError, authenticate } = options;

  return async (request) => {
    try {
      if (authenticate !== undefined && !(await authenticate(request))) {
        return errorResponse(new ScimError(401, undefined, "Authentication required"), { "www-authenticate": 'Bearer realm="SCIM"' });
      }
      const url = new URL(request.url);
      const path = routePath(url.pathname, ctx.basePath);
      if (path === undefined) throw new ScimError(404, undefined, `No endpoint at ${url.pathname}`);
      const discovered = discoveryRoutes(request);
      if (discovered !== undefined) return request.method === "HEAD" ? headOf(discovered) : discovered;
      const isHead = request.method.toUpperCase() === "HEAD";
      const rc: RequestContext = {
        request: isHead ? new Request(request, { method: "GET" }) : request,
        url,
        baseUrl: ctx.baseUrl ?? `${url.origin}${ctx.basePath}`,
      };
      const response = await route(ctx, rc, path);
      return isHead ? headOf(response) : response;
    } catch (error) {
      if (!ScimError.is(error) || error.status >= 500) {
        try {
          onError?.(error, request);
        } catch {
          // The hook's own failure must not turn one error response into none.
        }
      }
      return errorResponse(error);
    }
  };
}
