import type { AnyResourceType } from "../resource-type.js";

/**
 * A resource as a service provider returns it (RFC 7643 §3): `schemas`, `id` and `meta`
 * always present; writeOnly and `returned: "never"` attributes absent; extension attributes
 * under their schema URN.
 *
 * @example
 * ```ts
 * const user: ScimResource<typeof UserResourceType> = await client.users.get(id);
 * ```
 */
export type ScimResource<RT extends AnyResourceType> = RT["~"]["resource"];
