import type { ResourceIndex } from "../schema/schema-index.js";
import { compileIndex } from "./compiled.js";

/** The runtime contexts whose top-level keys {@link contextKeys} lists. */
export type KeyContext = "create" | "replace" | "resource";

/** The top-level keys a context's output may carry, split by whether they must. */
export interface ContextKeys {
  readonly required: readonly string[];
  readonly optional: readonly string[];
}

/**
 * The top-level keys (attribute names as the schema spells them, and extension URNs) that
 * the runtime keeps in each context, from the same rules `parseCreate`, `parseReplace` and
 * `parseResource` apply. It equals the type-level views key for key (`CreateInput`,
 * `ReplaceInput`, `ScimResource`): a parity test holds the two together.
 *
 * - create / replace: `schemas` required; readOnly attributes absent (dropped on input);
 *   `required` attributes required; required extensions required.
 * - resource: writeOnly and `returned: "never"` attributes absent; `returned: "request"` ones
 *   optional; `required` ones required.
 */
export function contextKeys(index: ResourceIndex, context: KeyContext): ContextKeys {
  const c = compileIndex(index);
  const required: string[] = [];
  const optional: string[] = [];
  for (const node of c.root.list) {
    if (node === c.schemas) {
      required.push(node.name);
      continue;
    }
    if (context === "resource") {
      if (node.mutability === "writeOnly" || node.returned === "never") continue;
      (node.required && node.returned !== "request" ? required : optional).push(node.name);
    } else {
      if (node.mutability === "readOnly") continue;
      (node.required ? required : optional).push(node.name);
    }
  }
  for (const ext of c.extensions) (ext.required ? required : optional).push(ext.urn);
  return { required, optional };
}
