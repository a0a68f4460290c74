import { ScimError } from "../errors.js";
import type { UniqueKey } from "./store.js";

// The errors a Store throws, built in one place so that every store (memory, SQLite, …)
// reports the same statuses, scimTypes and wording to clients.

/**
 * 409 `uniqueness` (RFC 7644 §3.3, §3.12): a unique attribute's value is taken.
 *
 * @example
 * ```ts
 * throw uniquenessError("User", { attribute: "userName", value: "bjensen" }); // 409 uniqueness
 * ```
 */
export function uniquenessError(resourceType: string, key: UniqueKey): ScimError {
  return new ScimError(409, "uniqueness", `A ${resourceType} with this ${key.attribute} already exists`);
}

/**
 * 409 `uniqueness`: a resource with this id already exists (a store-level guard; the handler generates ids).
 *
 * @example
 * ```ts
 * if (rows.has(resource.id)) throw duplicateIdError("User", resource.id); // 409 uniqueness
 * ```
 */
export function duplicateIdError(resourceType: string, id: string): ScimError {
  return new ScimError(409, "uniqueness", `A ${resourceType} with id '${id}' already exists`);
}

/**
 * 404 (RFC 7644 §3.12): no such resource.
 *
 * @example
 * ```ts
 * if (row === undefined) throw notFoundError("User", id); // 404
 * ```
 */
export function notFoundError(resourceType: string, id: string): ScimError {
  return new ScimError(404, undefined, `${resourceType} '${id}' not found`);
}

/**
 * 412 (RFC 7644 §3.14): the stored `meta.version` is not the one the write expected.
 *
 * @example
 * ```ts
 * if (row.version !== expectedVersion) throw versionMismatchError("User", id); // 412
 * ```
 */
export function versionMismatchError(resourceType: string, id: string): ScimError {
  return new ScimError(412, undefined, `${resourceType} '${id}' has changed on the server (meta.version differs)`);
}

/**
 * True for the error a store throws on a version mismatch.
 *
 * @example
 * ```ts
 * try {
 *   await store.replace("User", id, next, index, expected);
 * } catch (error) {
 *   if (!isVersionMismatch(error)) throw error;
 *   // re-read and re-apply
 * }
 * ```
 */
export function isVersionMismatch(error: unknown): boolean {
  return ScimError.is(error) && error.status === 412;
}
