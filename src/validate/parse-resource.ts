import type { ResourceIndex } from "../schema/schema-index.js";
import { type Node, compileIndex } from "./compiled.js";
import { type ParseOptions, resolveContext } from "./options.js";
import { checkRequired, readBody, setSchemas } from "./resource-body.js";

// A resource as returned carries no secrets and `returned: "request"` attributes only on request.
const skipUnreturned = (node: Node): boolean =>
  node.mutability === "writeOnly" || node.returned === "never" || node.returned === "request";

/**
 * Validates a resource as a service provider returns it (the `ScimResource` view, RFC 7643
 * §3): every attribute, readOnly ones included, checked and normalised; writeOnly and
 * `returned: "never"` values dropped; required attributes (`id`, `meta` among them) present.
 * What `validators.resource` checks, e.g. in a client reading responses.
 *
 * @throws ScimError 400 `invalidSyntax` / `invalidValue` naming the path.
 */
export function parseResource(index: ResourceIndex, body: unknown, options?: ParseOptions): Record<string, unknown> {
  const c = compileIndex(index);
  const ctx = resolveContext(
    options,
    "keep",
    { kind: "replace", resourceType: index.resourceType, resourceId: undefined },
    true,
  );
  const out = readBody(c, body, ctx);
  setSchemas(c, out);
  checkRequired(c, out, skipUnreturned);
  return out;
}
