import { ScimError } from "../errors.js";

/**
 * The SCIM media type, `application/scim+json` (RFC 7644 §3.1).
 *
 * @example
 * ```ts
 * new Response(JSON.stringify(body), { headers: { "content-type": SCIM_CONTENT_TYPE } });
 * ```
 */
export const SCIM_CONTENT_TYPE = "application/scim+json";

/**
 * A JSON response with the SCIM media type (RFC 7644 §3.1).
 *
 * @example
 * ```ts
 * return scimJson(resource, 201, { location: resource.meta.location, etag: resource.meta.version });
 * ```
 */
export function scimJson(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": `${SCIM_CONTENT_TYPE}; charset=utf-8`, ...headers },
  });
}

/**
 * The RFC 7644 §3.12 error response for anything thrown: a ScimError keeps its status and
 * scimType; anything else becomes a 500 whose detail gives nothing away.
 *
 * @example
 * ```ts
 * try {
 *   return await route(request);
 * } catch (error) {
 *   return errorResponse(error); // a ScimError keeps its status; anything else is a bare 500
 * }
 * ```
 */
export function errorResponse(error: unknown, headers: Record<string, string> = {}): Response {
  const scimError = ScimError.is(error) ? error : new ScimError(500, undefined, "Internal server error");
  return scimJson(scimError.toJSON(), scimError.status, headers);
}
