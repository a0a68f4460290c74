import type { ResourceIndex } from "../schema/schema-index.js";
import { type Node, compileIndex } from "./compiled.js";
import { type ParseOptions, resolveContext } from "./options.js";
import { checkRequired, readBody, setSchemas } from "./resource-body.js";

// The server sets readOnly attributes (`id`, `meta`), so a body need not carry them.
const skipReadOnly = (node: Node): boolean => node.mutability === "readOnly";

/**
 * Validates a POST body (RFC 7644 §3.3) and returns the body to store before the server adds
 * `id` and `meta`: `schemas` (the core URN and the extensions present), writeOnly values kept,
 * readOnly attributes dropped (each reported to `onViolation` as `ignored`), names spelled as
 * the schema does, booleans coerced from `"True"`/`"False"` unless `strict`, `null` and `[]`
 * left out (RFC 7643 §2.5).
 *
 * @throws ScimError 400 `invalidSyntax` (not an object, reserved key, limit) or
 * `invalidValue` (wrong type, unknown attribute, missing required attribute or extension,
 * `schemas` not listing the core URN and every extension present, two `primary: true`),
 * the detail naming the path.
 */
export function parseCreate(index: ResourceIndex, body: unknown, options?: ParseOptions): Record<string, unknown> {
  const c = compileIndex(index);
  const ctx = resolveContext(options, "ignore", { kind: "create", resourceType: index.resourceType, resourceId: undefined });
  const out = readBody(c, body, ctx);
  setSchemas(c, out);
  checkRequired(c, out, skipReadOnly);
  return out;
}

const skipReadOnlyOrImmutable = (node: Node): boolean => node.mutability === "readOnly" || node.mutability === "immutable";

/**
 * Validates the shape of a PUT body without its stored resource (what `validators.replace`
 * checks): like {@link parseCreate}, except that a required immutable attribute may be
 * omitted, since the stored value is kept (RFC 7644 §3.5.1). `parseReplace` does the rest.
 */
export function parseReplaceBody(index: ResourceIndex, body: unknown, options?: ParseOptions): Record<string, unknown> {
  const c = compileIndex(index);
  const ctx = resolveContext(options, "ignore", { kind: "replace", resourceType: index.resourceType, resourceId: undefined });
  const out = readBody(c, body, ctx);
  setSchemas(c, out);
  checkRequired(c, out, skipReadOnlyOrImmutable);
  return out;
}
