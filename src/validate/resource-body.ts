import { ScimError } from "../errors.js";
import type { CompiledExtension, CompiledIndex, Node, Scope } from "./compiled.js";
import { lookup } from "./compiled.js";
import type { Context } from "./options.js";
import { type PathRef, at, pathError } from "./path.js";
import { assertNoDuplicates, describe, isObject, readEntry, readObject, unknownKey, validateAttribute } from "./validate-value.js";

const SCHEMAS_PATH = at(undefined, "schemas");

function extensionFor(c: CompiledIndex, key: string): CompiledExtension | undefined {
  return c.extensionByKey.get(key) ?? c.extensionByKey.get(key.toLowerCase());
}

/**
 * Reads a resource body: core and common attributes at the top, extension attributes under
 * their URN key, names matched case-insensitively and written as the schema spells them. The
 * result starts with `schemas`, which lists the core URN and the extensions the result carries.
 *
 * @throws ScimError 400 `invalidSyntax` for a body that is not an object or breaks a limit;
 * `invalidValue` for wrong types, unknown attributes or a `schemas` that does not list the
 * core URN and every extension present (RFC 7643 §3).
 * @internal
 */
export function readBody(c: CompiledIndex, body: unknown, ctx: Context): Record<string, unknown> {
  if (!isObject(body)) {
    throw new ScimError(400, "invalidSyntax", `Request body must be a JSON object, got ${describe(body)}`);
  }
  const keys = Object.keys(body);
  if (keys.length > ctx.limits.maxKeys) {
    throw pathError("invalidSyntax", undefined, `has ${keys.length} keys, more than the limit of ${ctx.limits.maxKeys}`);
  }
  // `schemas` goes first in the output, as in every RFC example; its value is set last.
  const out: Record<string, unknown> = { schemas: undefined };
  let schemasRaw: unknown;
  let respelled = false;
  for (const key of keys) {
    const raw = body[key];
    const node = lookup(c.root, key);
    if (node !== undefined) {
      if (node.name !== key) respelled = true;
      if (node === c.schemas) schemasRaw = raw;
      else readEntry(node, raw, out, ctx, undefined, 2, undefined, body);
      continue;
    }
    const ext = extensionFor(c, key);
    if (ext !== undefined) {
      if (ext.urn !== key) respelled = true;
      if (raw === undefined || raw === null) continue;
      const path = at(undefined, ext.urn, true);
      if (!isObject(raw)) {
        throw pathError("invalidValue", path, `must be an object of the extension's attributes, got ${describe(raw)}`);
      }
      const value = readObject(ext.scope, raw, ctx, path, 3, undefined);
      if (value !== undefined) out[ext.urn] = value;
      continue;
    }
    unknownKey(key, ctx, undefined);
  }
  if (respelled) assertNoDuplicates(keys, (key) => lookup(c.root, key) ?? extensionFor(c, key), undefined);
  checkSchemas(c, schemasRaw, out, ctx);
  return out;
}

/**
 * RFC 7643 §3: `schemas` is required and lists the core schema and the schema of every
 * extension present. URNs the resource type does not know follow `unknownAttributes`.
 */
function checkSchemas(c: CompiledIndex, raw: unknown, out: Record<string, unknown>, ctx: Context): void {
  const urns = validateAttribute(c.schemas, raw, ctx, SCHEMAS_PATH, 2) as string[] | undefined;
  if (urns === undefined) {
    throw pathError("invalidValue", SCHEMAS_PATH, `is required and must list '${c.coreUrn}' (RFC 7643 §3)`);
  }
  let core = false;
  const listed = new Set<CompiledExtension>();
  for (const urn of urns) {
    if (urn.toLowerCase() === c.coreLower) {
      core = true;
      continue;
    }
    const ext = extensionFor(c, urn);
    if (ext !== undefined) listed.add(ext);
    else if (ctx.rejectUnknown) {
      throw pathError(
        "invalidValue",
        SCHEMAS_PATH,
        `lists '${urn}', which is not a schema of resource type '${c.index.resourceType}' (unknownAttributes: "reject")`,
      );
    }
  }
  if (!core) throw pathError("invalidValue", SCHEMAS_PATH, `must list the core schema '${c.coreUrn}' (RFC 7643 §3)`);
  for (const ext of c.extensions) {
    if (out[ext.urn] !== undefined && !listed.has(ext)) {
      throw pathError("invalidValue", SCHEMAS_PATH, `must list '${ext.urn}', whose attributes the body carries (RFC 7643 §3)`);
    }
  }
}

/**
 * Sets `schemas` to the core URN followed by the URNs of the extensions `resource` carries,
 * as the schema spells them (RFC 7643 §3: "the schemas … present in the current JSON structure").
 * @internal
 */
export function setSchemas(c: CompiledIndex, resource: Record<string, unknown>): void {
  const urns = [c.coreUrn];
  for (const ext of c.extensions) {
    if (resource[ext.urn] !== undefined) urns.push(ext.urn);
  }
  resource.schemas = urns;
}

/**
 * Which required attributes a check may pass over: readOnly ones on input (the server sets
 * them), immutable ones for a PUT body read without its stored resource, secrets and
 * `returned: "request"` ones in a resource as returned.
 * @internal
 */
export type RequiredSkip = (node: Node) => boolean;

function checkScope(scope: Scope, obj: Record<string, unknown>, path: PathRef | undefined, skip: RequiredSkip): void {
  // Values kept from a stored resource are trusted as they are, whatever their shape.
  if (!isObject(obj)) return;
  for (const node of scope.required) {
    if (obj[node.name] === undefined && !skip(node)) {
      throw pathError("invalidValue", at(path, node.name), "is required (RFC 7643 §7)");
    }
  }
  for (const node of scope.requiredInside) {
    const value = obj[node.name];
    if (value === undefined || skip(node)) continue;
    const subs = node.subs as Scope;
    if (Array.isArray(value)) {
      const here = at(path, node.name);
      for (let i = 0; i < value.length; i++) checkScope(subs, value[i] as Record<string, unknown>, at(here, i), skip);
    } else {
      checkScope(subs, value as Record<string, unknown>, at(path, node.name), skip);
    }
  }
}

/**
 * RFC 7643 §7 `required`, and RFC 7643 §6 required extensions, on a normalised resource.
 * @throws ScimError 400 `invalidValue` naming the first missing attribute.
 * @internal
 */
export function checkRequired(c: CompiledIndex, resource: Record<string, unknown>, skip: RequiredSkip): void {
  checkScope(c.root, resource, undefined, skip);
  for (const ext of c.extensions) {
    const value = resource[ext.urn];
    const path = at(undefined, ext.urn, true);
    if (value === undefined) {
      if (ext.required) {
        throw pathError("invalidValue", path, `is a required extension of resource type '${c.index.resourceType}' (RFC 7643 §6)`);
      }
      continue;
    }
    checkScope(ext.scope, value as Record<string, unknown>, path, skip);
  }
}
