// `scimtype/server`: the framework-free Web-standard handler pieces.
export { createDiscoveryRoutes, routePath, type DiscoveryHandlerOptions } from "./discovery-routes.js";
export { errorResponse, scimJson, SCIM_CONTENT_TYPE } from "./responses.js";
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
