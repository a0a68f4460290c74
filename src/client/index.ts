// `scimtype/client`: the typed SCIM client for provisioning code.
export {
  createScimClient,
  etagOf,
  type IfMatch,
  type ListOptions,
  type PatchInput,
  type ProjectedResource,
  type ProjectionOptions,
  type RequestOptions,
  type ResourceClient,
  type ScimClient,
  type ScimClientBase,
  type ScimClientOptions,
  type WriteOptions,
} from "./client.js";
export { parseRetryAfter, type RetryOptions } from "./retry.js";
export { ScimError } from "../errors.js";
export type { ListResponse } from "../discovery/discovery.js";
