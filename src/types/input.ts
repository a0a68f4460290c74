import type { AnyResourceType } from "../resource-type.js";

/**
 * A POST body (RFC 7644 §3.3): readOnly attributes absent, required attributes required,
 * `schemas` listing the core URN and those of the extensions present.
 *
 * @example
 * ```ts
 * const body: CreateInput<User> = {
 *   schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
 *   userName: "bjensen",
 *   // id: "x", // does not compile: readOnly
 * };
 * ```
 */
export type CreateInput<RT extends AnyResourceType> = RT["~"]["input"];

/**
 * A PUT body (RFC 7644 §3.5.1): like {@link CreateInput}. Immutable values are allowed; at run
 * time they must equal the stored value or set an unassigned one.
 *
 * @example
 * ```ts
 * const body: ReplaceInput<Group> = {
 *   schemas: ["urn:ietf:params:scim:schemas:core:2.0:Group"],
 *   displayName: "Tour Guides",
 *   members: [{ value: "2819c223", type: "User" }],
 * };
 * ```
 */
export type ReplaceInput<RT extends AnyResourceType> = RT["~"]["input"];
