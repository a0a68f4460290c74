// `scimtype/server`: the framework-free Web-standard handler, its Store interface and an
// in-memory Store.
export { createScimHandler, type ScimHandler } from "./handler.js";
export type { ScimHandlerOptions, ServableResourceType } from "./options.js";
export { MemoryStore } from "./memory-store.js";
export { createDiscoveryRoutes, routePath, type DiscoveryHandlerOptions } from "./discovery-routes.js";
export { errorResponse, scimJson, SCIM_CONTENT_TYPE } from "./responses.js";
export { DEFAULT_MAX_BODY_BYTES } from "./request-body.js";
export { SEARCH_REQUEST_URN } from "./list-params.js";
export {
  duplicateIdError,
  isVersionMismatch,
  notFoundError,
  uniquenessError,
  versionMismatchError,
} from "./store-errors.js";
export type {
  DeleteOptions,
  IndexEntries,
  ListQuery,
  ListResult,
  Membership,
  Store,
  StoredResource,
  StoredWrite,
  UniqueKey,
} from "./store.js";
