import type { AnyResourceType } from "../resource-type.js";

/**
 * A POST body (RFC 7644 §3.3): readOnly attributes absent, required attributes required,
 * `schemas` listing the core URN and those of the extensions present.
 */
export type CreateInput<RT extends AnyResourceType> = RT["~"]["input"];

/**
 * A PUT body (RFC 7644 §3.5.1): like {@link CreateInput}. Immutable values are allowed; at run
 * time they must equal the stored value or set an unassigned one.
 */
export type ReplaceInput<RT extends AnyResourceType> = RT["~"]["input"];
