import { ScimError } from "../errors.js";
import { type DiscoveryDocuments, discovery } from "../discovery/discovery.js";
import type { ServiceProviderOptions } from "../discovery/service-provider.js";
import type { AnyResourceType } from "../resource-type.js";
import { errorResponse, scimJson } from "./responses.js";

/**
 * Options of `createDiscoveryRoutes`.
 *
 * @example
 * ```ts
 * const options: DiscoveryHandlerOptions = { resourceTypes: [UserResourceType, GroupResourceType], basePath: "/scim/v2" };
 * ```
 */
export interface DiscoveryHandlerOptions {
  resourceTypes: readonly AnyResourceType[];
  serviceProvider?: ServiceProviderOptions;
  /** Routing prefix, e.g. `/scim/v2` (default: none). */
  basePath?: string;
  /** Absolute base for `meta.location`, e.g. `https://example.com/scim/v2`; derived from the request when absent. */
  baseUrl?: string;
}

/**
 * Strips `basePath` from a URL path; undefined when the path is outside it.
 *
 * @example
 * ```ts
 * routePath("/scim/v2/Users/2819c223", "/scim/v2"); // "/Users/2819c223"
 * routePath("/health", "/scim/v2"); // undefined
 * ```
 */
export function routePath(pathname: string, basePath: string): string | undefined {
  const base = basePath.replace(/\/+$/, "");
  if (base !== "" && pathname !== base && !pathname.toLowerCase().startsWith(`${base.toLowerCase()}/`)) return undefined;
  const rest = pathname.slice(base.length).replace(/\/+$/, "");
  return rest === "" ? "/" : rest;
}

/**
 * Serves `/Schemas`, `/Schemas/{id}`, `/ResourceTypes`, `/ResourceTypes/{name}` and
 * `/ServiceProviderConfig` (RFC 7644 §4) for the given resource types. Endpoint names match
 * case-insensitively, a trailing slash is accepted, methods other than GET get a 405 SCIM
 * error. Returns undefined for paths that are not discovery endpoints, so a larger handler
 * can route them.
 *
 * @example
 * ```ts
 * const routes = createDiscoveryRoutes({ resourceTypes: [UserResourceType], basePath: "/scim/v2" });
 * const response = routes(request) ?? new Response("Not found", { status: 404 });
 * ```
 */
export function createDiscoveryRoutes(
  options: DiscoveryHandlerOptions,
): (request: Request) => Response | undefined {
  const cache = new Map<string, DiscoveryDocuments>();
  const documents = (baseUrl: string): DiscoveryDocuments => {
    let docs = cache.get(baseUrl);
    if (docs === undefined) {
      docs = discovery({
        resourceTypes: options.resourceTypes,
        baseUrl,
        ...(options.serviceProvider !== undefined ? { serviceProvider: options.serviceProvider } : {}),
      });
      if (cache.size > 16) cache.clear(); // derived base URLs come from Host headers: keep the cache bounded
      cache.set(baseUrl, docs);
    }
    return docs;
  };
  const basePath = options.basePath ?? "";
  return (request) => {
    const url = new URL(request.url);
    const path = routePath(url.pathname, basePath);
    if (path === undefined) return undefined;
    const [, first = "", second, ...rest] = path.split("/");
    const endpoint = first.toLowerCase();
    if (endpoint !== "schemas" && endpoint !== "resourcetypes" && endpoint !== "serviceproviderconfig") return undefined;
    try {
      if (request.method !== "GET" && request.method !== "HEAD") {
        throw new ScimError(405, undefined, `${request.method} is not supported on /${first}; discovery endpoints are read-only (RFC 7644 §4)`);
      }
      const baseUrl = options.baseUrl ?? `${url.origin}${basePath.replace(/\/+$/, "")}`;
      const docs = documents(baseUrl);
      if (rest.length > 0) throw new ScimError(404, undefined, `No resource at ${url.pathname}`);
      if (endpoint === "serviceproviderconfig") {
        if (second !== undefined) throw new ScimError(404, undefined, `No resource at ${url.pathname}`);
        return scimJson(docs.serviceProviderConfig);
      }
      const list = endpoint === "schemas" ? docs.schemas : docs.resourceTypes;
      if (second === undefined) return scimJson(list);
      const id = decodeURIComponent(second);
      const found = (list.Resources as { id: string }[]).find((r) => r.id === id);
      if (found === undefined) {
        throw new ScimError(404, undefined, `${endpoint === "schemas" ? "Schema" : "Resource type"} '${id}' not found`);
      }
      return scimJson(found);
    } catch (error) {
      return errorResponse(error);
    }
  };
}
