import { ScimError } from "../errors.js";
import type { AnyResourceType, ResourceTypeJSON } from "../resource-type.js";
import type { AnySchema } from "../schema/define-schema.js";
import type { SchemaJSON } from "../schema/schema-json.js";
import {
  DEFAULT_SERVICE_PROVIDER,
  SERVICE_PROVIDER_CONFIG_URN,
  type ServiceProviderConfigJSON,
  type ServiceProviderOptions,
} from "./service-provider.js";

/**
 * The RFC 7644 §3.4.2 ListResponse message schema URN.
 *
 * @example
 * ```ts
 * const empty = { schemas: [LIST_RESPONSE_URN], totalResults: 0, itemsPerPage: 0, startIndex: 1, Resources: [] };
 * ```
 */
export const LIST_RESPONSE_URN = "urn:ietf:params:scim:api:messages:2.0:ListResponse" as const;
/**
 * The RFC 7643 §7 Schema schema URN, the `schemas` value of `/Schemas` entries.
 *
 * @example
 * ```ts
 * discovery({ resourceTypes: [UserResourceType] }).schemas.Resources[0]!.schemas; // [SCHEMA_URN]
 * ```
 */
export const SCHEMA_URN = "urn:ietf:params:scim:schemas:core:2.0:Schema" as const;

/**
 * An RFC 7644 §3.4.2 list response.
 *
 * @example
 * ```ts
 * const page: ListResponse<ScimResource<User>> = await client.User.list({ count: 10 });
 * for (const user of page.Resources) console.log(user.userName);
 * ```
 */
export interface ListResponse<T> {
  schemas: [typeof LIST_RESPONSE_URN];
  totalResults: number;
  itemsPerPage: number;
  startIndex: number;
  Resources: T[];
}

/**
 * A `/Schemas` entry: the schema with `schemas` and `meta` (RFC 7644 §4).
 *
 * @example
 * ```ts
 * const [user]: SchemaResource[] = discovery({ resourceTypes: [UserResourceType] }).schemas.Resources;
 * user!.meta.location; // "/Schemas/urn:ietf:params:scim:schemas:core:2.0:User"
 * ```
 */
export type SchemaResource = SchemaJSON & {
  schemas: [typeof SCHEMA_URN];
  meta: { resourceType: "Schema"; location: string };
};

/**
 * A `/ResourceTypes` entry with its `meta` (RFC 7644 §4).
 *
 * @example
 * ```ts
 * const entries: ResourceTypeResource[] = discovery({ resourceTypes: [UserResourceType] }).resourceTypes.Resources;
 * ```
 */
export type ResourceTypeResource = ResourceTypeJSON & { meta: { resourceType: "ResourceType"; location: string } };

/**
 * The three discovery documents of RFC 7644 §4.
 *
 * @example
 * ```ts
 * const docs: DiscoveryDocuments = discovery({ resourceTypes: [UserResourceType, GroupResourceType] });
 * docs.serviceProviderConfig.patch.supported; // true
 * ```
 */
export interface DiscoveryDocuments {
  schemas: ListResponse<SchemaResource>;
  resourceTypes: ListResponse<ResourceTypeResource>;
  serviceProviderConfig: ServiceProviderConfigJSON;
}

/**
 * Options of `discovery()`: the resource types, what the service provider supports, and the base of `meta.location`.
 *
 * @example
 * ```ts
 * const options: DiscoveryOptions = {
 *   resourceTypes: [UserResourceType, GroupResourceType],
 *   serviceProvider: { bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 } },
 *   baseUrl: "https://example.com/scim/v2",
 * };
 * ```
 */
export interface DiscoveryOptions {
  resourceTypes: readonly AnyResourceType[];
  serviceProvider?: ServiceProviderOptions;
  /** Prefix of every `meta.location`, e.g. `https://example.com/scim/v2` (default: none, so locations are relative such as `/Schemas/…`). */
  baseUrl?: string;
}

function list<T>(resources: T[]): ListResponse<T> {
  return {
    schemas: [LIST_RESPONSE_URN],
    totalResults: resources.length,
    itemsPerPage: resources.length,
    startIndex: 1,
    Resources: resources,
  };
}

/** Every schema the resource types use, core first, each once (by id). */
export function collectSchemas(resourceTypes: readonly AnyResourceType[]): AnySchema[] {
  const byId = new Map<string, AnySchema>();
  for (const rt of resourceTypes) {
    for (const schema of [rt.schema, ...rt.extensions.map((e) => e.schema)]) {
      const previous = byId.get(schema.id);
      if (previous !== undefined && previous !== schema) {
        throw new ScimError(500, undefined, `Two different schemas share the id '${schema.id}'`);
      }
      byId.set(schema.id, schema);
    }
  }
  return [...byId.values()];
}

/**
 * The `/Schemas`, `/ResourceTypes` and `/ServiceProviderConfig` documents (RFC 7644 §4) of
 * a set of resource types, generated from their declarations.
 *
 * @example
 * ```ts
 * const { schemas, resourceTypes, serviceProviderConfig } = discovery({
 *   resourceTypes: [UserResourceType, GroupResourceType],
 *   baseUrl: "https://example.com/scim/v2",
 * });
 * ```
 */
export function discovery(options: DiscoveryOptions): DiscoveryDocuments {
  const base = (options.baseUrl ?? "").replace(/\/+$/, "");
  const names = new Set<string>();
  for (const rt of options.resourceTypes) {
    if (names.has(rt.name.toLowerCase())) throw new ScimError(500, undefined, `Two resource types are named '${rt.name}'`);
    names.add(rt.name.toLowerCase());
  }
  const schemas = collectSchemas(options.resourceTypes).map(
    (s): SchemaResource => ({
      schemas: [SCHEMA_URN],
      ...s.toJSON(),
      meta: { resourceType: "Schema", location: `${base}/Schemas/${s.id}` },
    }),
  );
  const resourceTypes = options.resourceTypes.map(
    (rt): ResourceTypeResource => ({
      ...rt.toJSON(),
      meta: { resourceType: "ResourceType", location: `${base}/ResourceTypes/${rt.name}` },
    }),
  );
  const sp = { ...DEFAULT_SERVICE_PROVIDER, ...options.serviceProvider };
  const serviceProviderConfig: ServiceProviderConfigJSON = {
    schemas: [SERVICE_PROVIDER_CONFIG_URN],
    ...(sp.documentationUri !== undefined ? { documentationUri: sp.documentationUri } : {}),
    patch: sp.patch,
    bulk: sp.bulk,
    filter: sp.filter,
    changePassword: sp.changePassword,
    sort: sp.sort,
    etag: sp.etag,
    authenticationSchemes: sp.authenticationSchemes,
    meta: { resourceType: "ServiceProviderConfig", location: `${base}/ServiceProviderConfig` },
  };
  return { schemas: list(schemas), resourceTypes: list(resourceTypes), serviceProviderConfig };
}
