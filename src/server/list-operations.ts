import { ScimError } from "../errors.js";
import { LIST_RESPONSE_URN } from "../discovery/discovery.js";
import { isGiven } from "../project/attribute-list.js";
import type { Filter } from "../path/ast.js";
import { parseFilter } from "../path/parse-filter.js";
import type { HandlerContext, RequestContext, ServedType } from "./context.js";
import { type ListParams, listParamsFromQuery, listParamsFromSearch } from "./list-params.js";
import { readJsonBody } from "./request-body.js";
import { enrich, present } from "./resource-operations.js";
import { scimJson } from "./responses.js";
import type { StoredResource } from "./store.js";

type Compare = (a: StoredResource, b: StoredResource) => number;

function checkProjection(params: ListParams): void {
  // RFC 7644 §3.4.2.5 gives the two lists as alternatives; checked up front so that an empty
  // result does not hide the error.
  if (isGiven(params.attributes) && isGiven(params.excludedAttributes)) {
    throw new ScimError(400, "invalidValue", "attributes and excludedAttributes are mutually exclusive (RFC 7644 §3.4.2.5)");
  }
}

function sortOrderOf(params: ListParams): "ascending" | "descending" | undefined {
  if (params.sortOrder === undefined) return undefined;
  const order = params.sortOrder.toLowerCase();
  if (order !== "ascending" && order !== "descending") {
    throw new ScimError(400, "invalidValue", `sortOrder must be "ascending" or "descending", not ${JSON.stringify(params.sortOrder)} (RFC 7644 §3.4.2.3)`);
  }
  return order;
}

/** RFC 7644 §3.4.2.4: a page never holds more than `maxResults` (advertised as `filter.maxResults`). */
function pageSize(ctx: HandlerContext, params: ListParams): number {
  return Math.min(params.count ?? ctx.maxResults, ctx.maxResults);
}

function parse(ctx: HandlerContext, text: string | undefined): Filter | undefined {
  return text === undefined ? undefined : parseFilter(text, { maxLength: ctx.maxFilterLength, strict: ctx.strict });
}

function listResponse(totalResults: number, startIndex: number, resources: object[]): Response {
  return scimJson({
    schemas: [LIST_RESPONSE_URN],
    totalResults,
    itemsPerPage: resources.length,
    startIndex,
    Resources: resources,
  });
}

async function listType(ctx: HandlerContext, rc: RequestContext, type: ServedType, params: ListParams): Promise<Response> {
  checkProjection(params);
  const order = sortOrderOf(params);
  const filter = parse(ctx, params.filter);
  const matches = filter === undefined ? undefined : type.rt.matches(filter, { strict: ctx.strict });
  const compare = params.sortBy === undefined ? undefined : type.rt.compare(params.sortBy, order);
  const count = pageSize(ctx, params);
  const result = await ctx.store.list(type.rt.name, { filter, matches, compare, startIndex: params.startIndex, count });
  // A store must not return more than asked; trusting it here would break the advertised cap.
  const page = result.resources.slice(0, count);
  const resources = await enrich(ctx, type, page, rc.baseUrl, params);
  return listResponse(result.totalResults, params.startIndex, resources.map((r) => present(type, r, rc.baseUrl, params)));
}

/** GET /{endpoint} (RFC 7644 §3.4.2). */
export async function listResources(ctx: HandlerContext, rc: RequestContext, type: ServedType): Promise<Response> {
  return listType(ctx, rc, type, listParamsFromQuery(rc.url.searchParams, ctx.strict));
}

/** POST /{endpoint}/.search (RFC 7644 §3.4.3): a list request in a SearchRequest body. */
export async function searchResources(ctx: HandlerContext, rc: RequestContext, type: ServedType): Promise<Response> {
  const body = await readJsonBody(rc.request, ctx.maxBodyBytes);
  return listType(ctx, rc, type, listParamsFromSearch(body, ctx.strict));
}

/**
 * POST /.search at the root (RFC 7644 §3.4.3): every resource type at once. A filter naming
 * an attribute one type lacks matches nothing of that type (it fails only if no type knows
 * it); sorting uses the comparator of the first type that knows `sortBy`, which reads
 * attributes by name and so orders the other types' resources too (those without the
 * attribute sort last). Without `sortBy`, types come in declaration order. Each type is read
 * up to the end of the requested page, so deep pages cost more.
 */
export async function searchAll(ctx: HandlerContext, rc: RequestContext): Promise<Response> {
  const body = await readJsonBody(rc.request, ctx.maxBodyBytes);
  const params = listParamsFromSearch(body, ctx.strict);
  checkProjection(params);
  const order = sortOrderOf(params);
  const filter = parse(ctx, params.filter);
  const count = pageSize(ctx, params);

  let firstError: unknown;
  const matchers = new Map<ServedType, ((r: StoredResource) => boolean) | undefined>();
  for (const type of ctx.types) {
    try {
      matchers.set(type, filter === undefined ? undefined : type.rt.matches(filter, { strict: ctx.strict }));
    } catch (error) {
      firstError ??= error;
    }
  }
  if (matchers.size === 0) throw firstError;

  let compare: Compare | undefined;
  if (params.sortBy !== undefined) {
    let sortError: unknown;
    for (const type of ctx.types) {
      try {
        compare = type.rt.compare(params.sortBy, order);
        break;
      } catch (error) {
        sortError ??= error;
      }
    }
    if (compare === undefined) throw sortError;
  }

  const window = count === 0 ? 0 : params.startIndex - 1 + count;
  let total = 0;
  const found: { type: ServedType; resource: StoredResource }[] = [];
  for (const [type, matches] of matchers) {
    const result = await ctx.store.list(type.rt.name, { filter, matches, compare, startIndex: 1, count: window });
    total += result.totalResults;
    for (const resource of result.resources.slice(0, window)) found.push({ type, resource });
  }
  if (compare !== undefined) {
    const c = compare;
    found.sort((a, b) => c(a.resource, b.resource));
  }
  const page = found.slice(params.startIndex - 1, params.startIndex - 1 + count);
  const out: object[] = [];
  for (const { type, resource } of page) {
    const [enriched = resource] = await enrich(ctx, type, [resource], rc.baseUrl, params);
    out.push(present(type, enriched, rc.baseUrl, params));
  }
  return listResponse(total, params.startIndex, out);
}
