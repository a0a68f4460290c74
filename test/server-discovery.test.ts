import { describe, expect, it } from "vitest";
import { GroupResourceType, UserResourceType } from "../src/index.js";
import { createDiscoveryRoutes } from "../src/server/index.js";

const routes = createDiscoveryRoutes({ resourceTypes: [UserResourceType, GroupResourceType], basePath: "/scim/v2" });
const get = (path: string, method = "GET") => routes(new Request(`http://127.0.0.1:8080${path}`, { method }));

describe("RFC 7644 §4 discovery endpoints", () => {
  it("§4 GET /Schemas is a ListResponse of every schema with meta.location under the request's base URL", async () => {
    const res = get("/scim/v2/Schemas")!;
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/scim\+json/);
    const body = await res.json();
    expect(body.schemas).toEqual(["urn:ietf:params:scim:api:messages:2.0:ListResponse"]);
    expect(body.totalResults).toBe(3);
    expect(body.Resources.map((r: { id: string }) => r.id)).toEqual([
      "urn:ietf:params:scim:schemas:core:2.0:User",
      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
      "urn:ietf:params:scim:schemas:core:2.0:Group",
    ]);
    expect(body.Resources[0].meta).toEqual({
      resourceType: "Schema",
      location: "http://127.0.0.1:8080/scim/v2/Schemas/urn:ietf:params:scim:schemas:core:2.0:User",
    });
  });
  it("§4 GET /Schemas/{id} and /ResourceTypes/{name}; case-insensitive endpoints and a trailing slash", async () => {
    const schema = await get("/scim/v2/schemas/urn:ietf:params:scim:schemas:core:2.0:Group/")!.json();
    expect(schema.name).toBe("Group");
    const rt = await get("/scim/v2/ResourceTypes/User")!.json();
    expect(rt).toMatchObject({
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:ResourceType"],
      id: "User",
      endpoint: "/Users",
      schema: "urn:ietf:params:scim:schemas:core:2.0:User",
      schemaExtensions: [{ schema: "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User", required: false }],
    });
    const group = await get("/scim/v2/resourcetypes/Group")!.json();
    expect(group).not.toHaveProperty("schemaExtensions");
  });
  it("§4 GET /ServiceProviderConfig states what the handler supports", async () => {
    const sp = await get("/scim/v2/ServiceProviderConfig")!.json();
    expect(sp).toMatchObject({
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"],
      patch: { supported: true },
      bulk: { supported: false },
      filter: { supported: true, maxResults: 200 },
      etag: { supported: true },
    });
    expect(sp.authenticationSchemes[0].type).toBe("oauthbearertoken");
  });
  it("§3.12 unknown ids are 404 and writes are 405, as SCIM error bodies", async () => {
    const missing = get("/scim/v2/Schemas/urn:nope")!;
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"], status: "404" });
    const post = get("/scim/v2/Schemas", "POST")!;
    expect(post.status).toBe(405);
    expect((await post.json()).status).toBe("405");
  });
  it("paths outside the base path or not discovery endpoints are left to other routes", () => {
    expect(get("/other/Schemas")).toBeUndefined();
    expect(get("/scim/v2/Users")).toBeUndefined();
  });
});
