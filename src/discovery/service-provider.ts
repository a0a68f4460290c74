/**
 * An authentication scheme of `/ServiceProviderConfig` (RFC 7643 §5, errata 8011).
 *
 * @example
 * ```ts
 * const bearer: AuthenticationScheme = {
 *   type: "oauthbearertoken",
 *   name: "OAuth Bearer Token",
 *   description: "Authentication with a bearer token",
 * };
 * ```
 */
export interface AuthenticationScheme {
  type: "oauth" | "oauth2" | "oauthbearertoken" | "httpbasic" | "httpdigest";
  name: string;
  description: string;
  specUri?: string;
  documentationUri?: string;
  primary?: boolean;
}

/**
 * What a service provider says it supports (RFC 7643 §5). Every field is optional; the
 * defaults describe what this package's own handler does.
 *
 * @example
 * ```ts
 * const sp: ServiceProviderOptions = { sort: { supported: false } };
 * discovery({ resourceTypes: [UserResourceType], serviceProvider: sp });
 * ```
 */
export interface ServiceProviderOptions {
  documentationUri?: string;
  patch?: { supported: boolean };
  bulk?: { supported: boolean; maxOperations: number; maxPayloadSize: number };
  filter?: { supported: boolean; maxResults: number };
  changePassword?: { supported: boolean };
  sort?: { supported: boolean };
  etag?: { supported: boolean };
  authenticationSchemes?: AuthenticationScheme[];
}

/**
 * The RFC 7643 §5 ServiceProviderConfig schema URN.
 *
 * @example
 * ```ts
 * discovery({ resourceTypes: [] }).serviceProviderConfig.schemas; // [SERVICE_PROVIDER_CONFIG_URN]
 * ```
 */
export const SERVICE_PROVIDER_CONFIG_URN = "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig" as const;

/**
 * The RFC 7643 §5 representation.
 *
 * @example
 * ```ts
 * const config: ServiceProviderConfigJSON = discovery({ resourceTypes: [UserResourceType] }).serviceProviderConfig;
 * ```
 */
export interface ServiceProviderConfigJSON {
  schemas: [typeof SERVICE_PROVIDER_CONFIG_URN];
  documentationUri?: string;
  patch: { supported: boolean };
  bulk: { supported: boolean; maxOperations: number; maxPayloadSize: number };
  filter: { supported: boolean; maxResults: number };
  changePassword: { supported: boolean };
  sort: { supported: boolean };
  etag: { supported: boolean };
  authenticationSchemes: AuthenticationScheme[];
  meta: { resourceType: "ServiceProviderConfig"; location: string };
}

/**
 * Honest defaults: PATCH, filtering (200 results a page), sorting and ETags are supported by
 * the handler in `scimtype/server`; bulk and password change are not; one bearer-token scheme.
 *
 * @example
 * ```ts
 * discovery({ resourceTypes: [UserResourceType], serviceProvider: { ...DEFAULT_SERVICE_PROVIDER, documentationUri: "https://example.com/scim" } });
 * ```
 */
export const DEFAULT_SERVICE_PROVIDER: Required<Omit<ServiceProviderOptions, "documentationUri">> = {
  patch: { supported: true },
  bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
  filter: { supported: true, maxResults: 200 },
  changePassword: { supported: false },
  sort: { supported: true },
  etag: { supported: true },
  authenticationSchemes: [
    {
      type: "oauthbearertoken",
      name: "OAuth Bearer Token",
      description: "Authentication scheme using the OAuth Bearer Token Standard",
      specUri: "https://www.rfc-editor.org/info/rfc6750",
      primary: true,
    },
  ],
};
