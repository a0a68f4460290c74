// TYPES.md row 5: User validators + discovery JSON, consumer side.
import { discovery, GroupResourceType, UserResourceType } from "scimtype";

export const created = UserResourceType.validators.create.parse({ schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"], userName: "bjensen" });
export const userName: string = created.userName;
export const resource = UserResourceType.validators.resource.safeParse({});
export const docs = discovery({ resourceTypes: [UserResourceType, GroupResourceType], baseUrl: "https://example.com/scim/v2" });
export const firstSchema: string = docs.schemas.Resources[0]!.id;
export const maxResults: number = docs.serviceProviderConfig.filter.maxResults;
