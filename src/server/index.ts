// `scimtype/server`: the framework-free Web-standard handler pieces.
export { createDiscoveryRoutes, routePath, type DiscoveryHandlerOptions } from "./discovery-routes.js";
export { errorResponse, scimJson, SCIM_CONTENT_TYPE } from "./responses.js";
