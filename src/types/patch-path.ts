import type { AnyResourceType } from "../resource-type.js";

/**
 * The RFC 7644 §3.5.2 PatchOp message schema URN.
 *
 * @example
 * ```ts
 * const body = { schemas: [PATCH_OP_URN], Operations: [{ op: "remove", path: "title" }] };
 * ```
 */
export const PATCH_OP_URN = "urn:ietf:params:scim:api:messages:2.0:PatchOp" as const;

/**
 * The paths a typed PATCH may touch: readWrite and writeOnly attributes and sub-attributes,
 * `attr[${string}]` and `attr[${string}].sub` for multi-valued complex attributes, and
 * URN-qualified extension paths. No immutable or readOnly path is in the union.
 *
 * @example
 * ```ts
 * const p: PatchPath<User> = 'emails[type eq "work"].value';
 * ```
 */
export type PatchPath<RT extends AnyResourceType> = RT["~"]["patchPath"];

/**
 * Maps a caller's path to its table key in one step: the filter text becomes `[]`
 * (TYPES.md technique 3).
 *
 * @example
 * ```ts
 * type K = NormalizePath<'emails[type eq "work"].value'>; // "emails[].value"
 * ```
 */
export type NormalizePath<P extends string> = P extends `${infer A}[${string}].${infer S}`
  ? `${A}[].${S}`
  : P extends `${infer A}[${string}]`
    ? `${A}[]`
    : P;

/**
 * The value operation `Op` takes at path `P`: an array of items for a multi-valued
 * attribute, a partial item through a filter or on a single-valued complex attribute, the
 * simple type at a sub-attribute; `remove` takes none.
 *
 * @example
 * ```ts
 * type V = PatchValue<User, "name", "replace">; // a partial of name's writable sub-attributes
 * const v: V = { givenName: "Babs" };
 * ```
 */
export type PatchValue<RT extends AnyResourceType, P extends string, Op extends PatchOpName = "add"> = Op extends "remove"
  ? never
  : RT["~"]["patchTable"][NormalizePath<P>];

/**
 * The three PATCH operations of RFC 7644 §3.5.2.
 *
 * @example
 * ```ts
 * const op: PatchOpName = "replace";
 * ```
 */
export type PatchOpName = "add" | "replace" | "remove";

/**
 * One operation of a typed PatchOp body.
 *
 * @example
 * ```ts
 * const op: PatchOperation<User> = { op: "replace", path: "title", value: "Tour Guide" };
 * ```
 */
export type PatchOperation<RT extends AnyResourceType> = RT["~"]["operation"];

/**
 * A typed `urn:ietf:params:scim:api:messages:2.0:PatchOp` body, usable as a plain object
 * literal.
 *
 * @example
 * ```ts
 * const body: PatchRequest<User> = {
 *   schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
 *   Operations: [{ op: "replace", path: "name.givenName", value: "Babs" }],
 * };
 * ```
 */
export interface PatchRequest<RT extends AnyResourceType> {
  schemas: readonly [typeof PATCH_OP_URN];
  Operations: readonly PatchOperation<RT>[];
}
