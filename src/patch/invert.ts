import type { Operation } from "fast-json-patch";
// fast-json-patch is CommonJS: Node's ESM loader sees only its default export.
import jsonPatch from "fast-json-patch";

const { applyOperation, deepClone, getValueByPointer } = jsonPatch;

/**
 * The RFC 6902 operations that undo `changes` (as `RT.applyPatch` reports them) on the
 * resource they produced: apply them to `result` and you get `existing` back. The inverse of
 * a `remove` needs the value removed, hence `existing`.
 *
 * @example
 * ```ts
 * const { resource, changes } = UserResourceType.applyPatch(stored, body);
 * const rollback = invertChanges(stored, changes);
 * ```
 */
export function invertChanges(existing: Readonly<Record<string, unknown>>, changes: readonly Operation[]): Operation[] {
  let doc = deepClone(existing) as Record<string, unknown>;
  const inverse: Operation[] = [];
  for (const change of changes) {
    switch (change.op) {
      case "add": {
        const { parent, key } = locate(doc, change.path);
        if (Array.isArray(parent)) {
          const index = key === "-" ? parent.length : Number(key);
          inverse.push({ op: "remove", path: `${parentPath(change.path)}/${index}` });
        } else if (parent !== undefined && Object.hasOwn(parent, key)) {
          inverse.push({ op: "replace", path: change.path, value: deepClone(parent[key]) });
        } else {
          inverse.push({ op: "remove", path: change.path });
        }
        break;
      }
      case "remove": {
        // Re-adding an array element at its index shifts the later ones back into place.
        inverse.push({ op: "add", path: change.path, value: deepClone(getValueByPointer(doc, change.path)) });
        break;
      }
      case "replace":
        inverse.push({ op: "replace", path: change.path, value: deepClone(getValueByPointer(doc, change.path)) });
        break;
      default:
        throw new TypeError(`invertChanges: '${change.op}' is not an operation applyPatch reports`);
    }
    doc = applyOperation(doc, change, false, true).newDocument as Record<string, unknown>;
  }
  return inverse.reverse();
}

function parentPath(pointer: string): string {
  return pointer.slice(0, pointer.lastIndexOf("/"));
}

function locate(doc: unknown, pointer: string): { parent: Record<string, unknown> | undefined; key: string } {
  const key = pointer.slice(pointer.lastIndexOf("/") + 1).replace(/~1/g, "/").replace(/~0/g, "~");
  const parent = getValueByPointer(doc, parentPath(pointer) || "");
  return { parent: typeof parent === "object" && parent !== null ? (parent as Record<string, unknown>) : undefined, key };
}
