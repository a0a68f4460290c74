// `npm run serve`: until the reference server (examples/reference-server) lands, this serves the
// discovery documents of the built-in resource types on 127.0.0.1:8080 under /scim/v2.
import { createServer } from "node:http";
import { ensureBuild } from "./ensure-build.mjs";

ensureBuild();
const { GroupResourceType, UserResourceType } = await import("../dist/index.js");
const { createDiscoveryRoutes, errorResponse } = await import("../dist/server.js");
const { ScimError } = await import("../dist/index.js");

const port = Number(process.env.PORT ?? 8080);
const routes = createDiscoveryRoutes({ resourceTypes: [UserResourceType, GroupResourceType], basePath: "/scim/v2" });

const server = createServer(async (req, res) => {
  const request = new Request(`http://${req.headers.host ?? `127.0.0.1:${port}`}${req.url}`, { method: req.method });
  const response =
    routes(request) ?? errorResponse(new ScimError(404, undefined, `No endpoint at ${req.url}`));
  res.writeHead(response.status, Object.fromEntries(response.headers));
  res.end(Buffer.from(await response.arrayBuffer()));
  console.log(`${req.method} ${req.url} ${response.status}`);
});
server.listen(port, "127.0.0.1", () => {
  console.log(`scimtype discovery on http://127.0.0.1:${port}/scim/v2 (Schemas, ResourceTypes, ServiceProviderConfig)`);
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
process.on("SIGINT", () => server.close(() => process.exit(0)));
