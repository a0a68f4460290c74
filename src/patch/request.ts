import { ScimError } from "../errors.js";
import { PATCH_OP_URN } from "../types/patch-path.js";

/** One PATCH operation after the body's shape has been checked. */
export interface RequestOperation {
  /** position in `Operations`, for errors and audit events */
  readonly index: number;
  readonly op: "add" | "replace" | "remove";
  readonly path: string | undefined;
  /** undefined when the operation has no `value` member */
  readonly value: unknown;
  readonly hasValue: boolean;
}

const OPS = new Set(["add", "replace", "remove"]);

function syntax(detail: string): ScimError {
  return new ScimError(400, "invalidSyntax", detail);
}

/**
 * Checks the PatchOp body (RFC 7644 §3.5.2): `schemas` is the PatchOp URN, `Operations` a
 * non-empty array of at most `maxOperations` objects, each with an `op` of add, replace or
 * remove (any case unless strict), a string `path` where present, and a `value` for add and
 * replace.
 */
export function readPatchRequest(body: unknown, strict: boolean, maxOperations: number): RequestOperation[] {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw syntax("A PATCH body must be a JSON object with 'schemas' and 'Operations' (RFC 7644 §3.5.2)");
  }
  const record = body as Record<string, unknown>;
  const schemas = member(record, "schemas", strict);
  if (!Array.isArray(schemas) || !schemas.some((s) => s === PATCH_OP_URN)) {
    throw syntax(`'schemas' must list "${PATCH_OP_URN}" (RFC 7644 §3.5.2)`);
  }
  if (strict && schemas.length !== 1) throw syntax(`'schemas' must be exactly ["${PATCH_OP_URN}"]`);
  const operations = member(record, "Operations", strict);
  if (!Array.isArray(operations)) throw syntax("'Operations' must be an array of operations (RFC 7644 §3.5.2)");
  if (operations.length === 0) throw syntax("'Operations' must hold at least one operation (RFC 7644 §3.5.2)");
  if (operations.length > maxOperations) {
    throw syntax(`A PATCH request may hold at most ${maxOperations} operations; this one has ${operations.length}`);
  }
  return operations.map((raw, index): RequestOperation => {
    if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
      throw syntax(`Operations[${index}] must be an object with 'op' (and 'path', 'value')`);
    }
    const o = raw as Record<string, unknown>;
    const opRaw = member(o, "op", strict);
    if (typeof opRaw !== "string") throw syntax(`Operations[${index}].op must be "add", "replace" or "remove"`);
    const op = strict ? opRaw : opRaw.toLowerCase();
    if (!OPS.has(op)) {
      const hint = strict && OPS.has(opRaw.toLowerCase()) ? " (lower case: strict mode)" : "";
      throw syntax(`Operations[${index}].op ${JSON.stringify(opRaw)} must be "add", "replace" or "remove"${hint}`);
    }
    const path = member(o, "path", strict);
    if (path !== undefined && typeof path !== "string") throw syntax(`Operations[${index}].path must be a string`);
    const hasValue = hasMember(o, "value", strict);
    const value = member(o, "value", strict);
    if ((op === "add" || op === "replace") && (!hasValue || value === undefined)) {
      throw new ScimError(400, "invalidValue", `Operations[${index}] (${op}) needs a 'value' (RFC 7644 §3.5.2.${op === "add" ? 1 : 3})`);
    }
    return { index, op: op as RequestOperation["op"], path: path === "" && !strict ? undefined : path, value, hasValue };
  });
}

// Member names of the PatchOp message are case-insensitive in practice (clients send
// "operations", "Path"); strict mode wants them exactly as RFC 7644 §3.5.2 spells them.
function member(record: Record<string, unknown>, name: string, strict: boolean): unknown {
  if (Object.hasOwn(record, name)) return record[name];
  if (strict) return undefined;
  const lower = name.toLowerCase();
  for (const key of Object.keys(record)) if (key.toLowerCase() === lower) return record[key];
  return undefined;
}

function hasMember(record: Record<string, unknown>, name: string, strict: boolean): boolean {
  if (Object.hasOwn(record, name)) return true;
  if (strict) return false;
  const lower = name.toLowerCase();
  return Object.keys(record).some((key) => key.toLowerCase() === lower);
}
