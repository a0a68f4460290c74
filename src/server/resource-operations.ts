import { writtenPaths } from "../project/written-paths.js";
import type { AttributeList } from "../project/attribute-list.js";
import { type HandlerContext, type RequestContext, type ServedType, ViolationBuffer, notFound } from "./context.js";
import { FIRST_VERSION, checkIfMatch, nextVersion, tagsMatch, versionOf } from "./etag.js";
import { indexEntries } from "./index-entries.js";
import { jsonEqual } from "./json-equal.js";
import { projectionFromQuery } from "./list-params.js";
import { detachMember, projectionWantsGroups, withGroups, withoutGroups } from "./memberships.js";
import { readJsonBody } from "./request-body.js";
import { scimJson } from "./responses.js";
import type { StoredResource } from "./store.js";
import { isVersionMismatch } from "./store-errors.js";

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/** The resource's URL (RFC 7644 §3.1 `meta.location`, the `Location` header). */
export function locationOf(type: ServedType, baseUrl: string, id: string): string {
  return `${baseUrl}${type.endpoint}/${encodeURIComponent(id)}`;
}

/** The response representation: `meta.location` added, then projected (RFC 7644 §3.4.2.5, §3.9). */
export function present(
  type: ServedType,
  resource: StoredResource,
  baseUrl: string,
  projection: { attributes?: AttributeList | undefined; excludedAttributes?: AttributeList | undefined },
  written?: AttributeList,
): object {
  const meta = isObject(resource.meta) ? resource.meta : {};
  const withLocation = { ...resource, meta: { ...meta, location: locationOf(type, baseUrl, String(resource.id)) } };
  return type.rt.serialize(withLocation, {
    attributes: projection.attributes,
    excludedAttributes: projection.excludedAttributes,
    written,
  });
}

/** The resource with its derived `groups`, when the type has them and the projection may show them. */
export async function enrich(
  ctx: HandlerContext,
  type: ServedType,
  resources: readonly StoredResource[],
  baseUrl: string,
  projection: { attributes?: AttributeList | undefined; excludedAttributes?: AttributeList | undefined } | "all",
): Promise<readonly StoredResource[]> {
  if (type.groups === undefined) return resources;
  if (projection !== "all" && !projectionWantsGroups(type.index, type.groups, projection)) return resources;
  return withGroups(ctx.store, type.groups, resources, baseUrl, (name) => ctx.byName.get(name)?.endpoint);
}

function single(resource: object, status: number, version: string | undefined, extra: Record<string, string> = {}): Response {
  return scimJson(resource, status, version === undefined ? extra : { ...extra, etag: version });
}

/** `meta` as stored: never `location`, which depends on the base URL of each request. */
function storedMeta(meta: unknown): Json {
  if (!isObject(meta)) return {};
  const { location: _derived, ...rest } = meta;
  return rest;
}

/** POST /{endpoint} (RFC 7644 §3.3): 201 with `Location` and `ETag`. */
export async function createResource(ctx: HandlerContext, rc: RequestContext, type: ServedType): Promise<Response> {
  const body = await readJsonBody(rc.request, ctx.maxBodyBytes);
  // The id is chosen first so that audit events of this request can name the resource.
  const id = ctx.generateId();
  const events = new ViolationBuffer(ctx.onViolation, type.rt.name, id);
  let parsed: object;
  try {
    parsed = type.rt.parseCreate(body, { strict: ctx.strict, unknownAttributes: ctx.unknownAttributes, ...events.option });
  } finally {
    events.flush();
  }
  const now = ctx.now().toISOString();
  const resource: Json = {
    ...withoutGroups(type.groups, parsed as Json),
    id,
    meta: { resourceType: type.rt.name, created: now, lastModified: now, version: FIRST_VERSION },
  };
  await ctx.store.create(type.rt.name, resource, indexEntries(type.index, resource));
  const projection = projectionFromQuery(rc.url.searchParams);
  const out = present(type, resource, rc.baseUrl, projection, writtenPaths(type.index, parsed as Json));
  return single(out, 201, FIRST_VERSION, { location: locationOf(type, rc.baseUrl, id) });
}

/** GET /{endpoint}/{id} (RFC 7644 §3.4.1), with If-None-Match → 304 (RFC 7644 §3.14). */
export async function getResource(ctx: HandlerContext, rc: RequestContext, type: ServedType, id: string): Promise<Response> {
  const stored = await ctx.store.get(type.rt.name, id);
  if (stored === undefined) throw notFound(type, id);
  const version = versionOf(stored);
  const ifNoneMatch = rc.request.headers.get("if-none-match");
  if (ifNoneMatch !== null && tagsMatch(ifNoneMatch, version)) {
    return new Response(null, { status: 304, headers: version === undefined ? {} : { etag: version } });
  }
  const projection = projectionFromQuery(rc.url.searchParams);
  const [resource] = await enrich(ctx, type, [stored], rc.baseUrl, projection);
  return single(present(type, resource ?? stored, rc.baseUrl, projection), 200, version);
}

interface Applied {
  readonly resource: Json;
  readonly changed: boolean;
  readonly written: AttributeList;
}

/**
 * The read–modify–write of PUT and PATCH. The write is conditional on the version read
 * (`expectedVersion`), so a concurrent writer is never overwritten. When it changed the
 * resource in between: with `If-Match` the client asked for exactly that version → 412;
 * without, the request is re-applied to the new state, up to `maxWriteRetries` times, then 412.
 */
async function modify(
  ctx: HandlerContext,
  rc: RequestContext,
  type: ServedType,
  id: string,
  apply: (existing: StoredResource, events: ViolationBuffer) => Applied,
): Promise<Response> {
  const ifMatch = rc.request.headers.get("if-match");
  const projection = projectionFromQuery(rc.url.searchParams);
  for (let attempt = 0; ; attempt++) {
    const stored = await ctx.store.get(type.rt.name, id);
    if (stored === undefined) throw notFound(type, id);
    const version = versionOf(stored);
    checkIfMatch(ifMatch, version, `${type.rt.name} '${id}'`);
    // Parsers see the representation the client sees (with `groups`), so that a PUT of a
    // resource as it was read does not look like an attempt on the readOnly `groups`.
    const [existing = stored] = await enrich(ctx, type, [stored], rc.baseUrl, "all");
    const events = new ViolationBuffer(ctx.onViolation, type.rt.name, id);
    let applied: Applied;
    try {
      applied = apply(existing, events);
    } catch (error) {
      events.flush();
      throw error;
    }
    if (!applied.changed) {
      events.flush();
      return single(present(type, existing, rc.baseUrl, projection, applied.written), 200, version);
    }
    const newVersion = nextVersion(version);
    const next: Json = {
      ...withoutGroups(type.groups, applied.resource),
      id,
      meta: { ...storedMeta(stored.meta), lastModified: ctx.now().toISOString(), version: newVersion },
    };
    try {
      await ctx.store.replace(type.rt.name, id, next, indexEntries(type.index, next), version);
    } catch (error) {
      if (isVersionMismatch(error) && ifMatch === null && attempt < ctx.maxWriteRetries) {
        events.discard();
        continue;
      }
      events.flush();
      throw error;
    }
    events.flush();
    // A write to this resource does not change which Groups list it: the groups read still hold.
    const groups = type.groups === undefined ? undefined : existing[type.groups.name];
    const shown = groups === undefined || type.groups === undefined ? next : { ...next, [type.groups.name]: groups };
    return single(present(type, shown, rc.baseUrl, projection, applied.written), 200, newVersion);
  }
}

/** The resource without `meta` and `groups`: what decides whether a PUT changed anything. */
function content(type: ServedType, resource: StoredResource): Json {
  const { meta: _meta, ...rest } = withoutGroups(type.groups, resource);
  return rest;
}

/** PUT /{endpoint}/{id} (RFC 7644 §3.5.1). */
export async function replaceResource(ctx: HandlerContext, rc: RequestContext, type: ServedType, id: string): Promise<Response> {
  const body = await readJsonBody(rc.request, ctx.maxBodyBytes);
  return modify(ctx, rc, type, id, (existing, events) => {
    const resource = type.rt.parseReplace(body, existing, {
      strict: ctx.strict,
      unknownAttributes: ctx.unknownAttributes,
      ...events.option,
    }) as Json;
    return {
      resource,
      changed: !jsonEqual(content(type, resource), content(type, existing)),
      written: writtenPaths(type.index, resource),
    };
  });
}

/** The paths a PatchOp writes, for `returned: "request"` attributes (RFC 7643 §7). */
function patchWritten(type: ServedType, body: unknown): string[] {
  const out: string[] = [];
  const operations = isObject(body) ? Object.entries(body).find(([k]) => k.toLowerCase() === "operations")?.[1] : undefined;
  if (!Array.isArray(operations)) return out;
  for (const op of operations) {
    if (!isObject(op)) continue;
    const path = Object.entries(op).find(([k]) => k.toLowerCase() === "path")?.[1];
    const value = Object.entries(op).find(([k]) => k.toLowerCase() === "value")?.[1];
    if (typeof path === "string") out.push(path);
    else if (isObject(value)) out.push(...writtenPaths(type.index, value));
  }
  return out;
}

/** PATCH /{endpoint}/{id} (RFC 7644 §3.5.2): 200 with the representation; a no-op keeps the version. */
export async function patchResource(ctx: HandlerContext, rc: RequestContext, type: ServedType, id: string): Promise<Response> {
  const body = await readJsonBody(rc.request, ctx.maxBodyBytes);
  const written = patchWritten(type, body);
  return modify(ctx, rc, type, id, (existing, events) => {
    const result = type.rt.applyPatch(existing, body, {
      strict: ctx.strict,
      unknownAttributes: ctx.unknownAttributes,
      maxOperations: ctx.maxOperations,
      filter: { maxLength: ctx.maxFilterLength },
      ...events.option,
    });
    return { resource: result.resource as Json, changed: result.changed, written };
  });
}

/**
 * DELETE /{endpoint}/{id} (RFC 7644 §3.6): 204. The resource is removed for good, and in the
 * same atomic store call every Group listing it loses that member, so no later operation
 * sees it ("SHALL NOT consider the deleted resource in any subsequent operation").
 */
export async function deleteResource(ctx: HandlerContext, rc: RequestContext, type: ServedType, id: string): Promise<Response> {
  const ifMatch = rc.request.headers.get("if-match");
  let expectedVersion: string | undefined;
  if (ifMatch !== null) {
    const stored = await ctx.store.get(type.rt.name, id);
    if (stored === undefined) throw notFound(type, id);
    expectedVersion = versionOf(stored);
    checkIfMatch(ifMatch, expectedVersion, `${type.rt.name} '${id}'`);
  }
  const indexOf = (name: string) => ctx.byName.get(name)?.index;
  await ctx.store.delete(type.rt.name, id, { expectedVersion, detach: detachMember(id, indexOf, ctx.now) });
  return new Response(null, { status: 204 });
}
