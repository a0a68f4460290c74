import { EnterpriseUserSchema } from "./schema/core/enterprise-user.js";
import { GroupSchema } from "./schema/core/group.js";
import { UserSchema } from "./schema/core/user.js";
import { defineResourceType } from "./resource-type.js";

const userResourceType = defineResourceType({
  name: "User",
  endpoint: "/Users",
  description: "User Account",
  schema: UserSchema,
  // RFC 7643 §8.6 marks the extension required; real IdPs send users without it, so the
  // built-in makes it optional. Declare your own resource type to require it.
  extensions: [{ schema: EnterpriseUserSchema, required: false }],
});

const groupResourceType = defineResourceType({
  name: "Group",
  endpoint: "/Groups",
  description: "Group",
  schema: GroupSchema,
});

type UserRT = typeof userResourceType;
type GroupRT = typeof groupResourceType;

// Named with interfaces so hovers and errors say `User`, not the expansion (TYPES.md technique 8).
/**
 * The RFC 7643 §4.1 User resource type, with the optional Enterprise User extension (§4.3).
 *
 * @example
 * ```ts
 * function greet(user: ScimResource<User>) {
 *   return user.name?.givenName ?? user.userName;
 * }
 * ```
 */
export interface User extends UserRT {}
/**
 * The RFC 7643 §4.2 Group resource type.
 *
 * @example
 * ```ts
 * const members = (group: ScimResource<Group>) => group.members?.map((m) => m.value) ?? [];
 * ```
 */
export interface Group extends GroupRT {}

/**
 * The RFC 7643 §4.1 User resource type, with the optional Enterprise User extension (§4.3).
 *
 * @example
 * ```ts
 * const stored = UserResourceType.parseCreate({ schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"], userName: "bjensen" });
 * patch(UserResourceType).replace("name.givenName", "Babs");
 * ```
 */
export const UserResourceType: User = userResourceType;
/**
 * The RFC 7643 §4.2 Group resource type.
 *
 * @example
 * ```ts
 * patch(GroupResourceType).add("members", [{ value: "2819c223", type: "User" }]);
 * ```
 */
export const GroupResourceType: Group = groupResourceType;
