// RFC 7643 §5 / §8.7.2 schema of /ServiceProviderConfig, with the errata verdicts of shared/rfc7643/errata.md applied.
// Generated once from the corrected figures by the codegen in src/discovery/codegen.ts; test/builtins-json.test.ts
// compares toJSON() with those figures.
import { attr } from "../attribute.js";
import { defineSchema } from "../define-schema.js";

/**
 * RFC 7643 §5 / §8.7.2 schema of /ServiceProviderConfig.
 *
 * @example
 * ```ts
 * ServiceProviderConfigSchema.toJSON().attributes.map((a) => a.name); // ["documentationUri", "patch", "bulk", …]
 * ```
 */
export const ServiceProviderConfigSchema = defineSchema({
  id: "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig",
  name: "Service Provider Configuration",
  description: "Schema for representing the service provider's configuration",
  attributes: {
    documentationUri: attr.reference({
      caseExact: false,
      mutability: "readOnly",
      uniqueness: "none",
      referenceTypes: ["external"],
      description: "An HTTP-addressable URL pointing to the service provider's human-consumable help documentation.",
    }),
    patch: attr.complex(
      {
        supported: attr.boolean({
          required: true,
          mutability: "readOnly",
          description: "A Boolean value specifying whether or not the operation is supported.",
        }),
      },
      {
        required: true,
        mutability: "readOnly",
        description: "A complex type that specifies PATCH configuration options.",
      },
    ),
    bulk: attr.complex(
      {
        supported: attr.boolean({
          required: true,
          mutability: "readOnly",
          description: "A Boolean value specifying whether or not the operation is supported.",
        }),
        maxOperations: attr.integer({
          required: true,
          mutability: "readOnly",
          uniqueness: "none",
          description: "An integer value specifying the maximum number of operations.",
        }),
        maxPayloadSize: attr.integer({
          required: true,
          mutability: "readOnly",
          uniqueness: "none",
          description: "An integer value specifying the maximum payload size in bytes.",
        }),
      },
      {
        required: true,
        mutability: "readOnly",
        description: "A complex type that specifies bulk configuration options.",
      },
    ),
    filter: attr.complex(
      {
        supported: attr.boolean({
          required: true,
          mutability: "readOnly",
          description: "A Boolean value specifying whether or not the operation is supported.",
        }),
        maxResults: attr.integer({
          required: true,
          mutability: "readOnly",
          uniqueness: "none",
          description: "An integer value specifying the maximum number of resources returned in a response.",
        }),
      },
      {
        required: true,
        mutability: "readOnly",
        description: "A complex type that specifies FILTER options.",
      },
    ),
    changePassword: attr.complex(
      {
        supported: attr.boolean({
          required: true,
          mutability: "readOnly",
          description: "A Boolean value specifying whether or not the operation is supported.",
        }),
      },
      {
        required: true,
        mutability: "readOnly",
        description: "A complex type that specifies configuration options related to changing a password.",
      },
    ),
    sort: attr.complex(
      {
        supported: attr.boolean({
          required: true,
          mutability: "readOnly",
          description: "A Boolean value specifying whether or not the operation is supported.",
        }),
      },
      {
        required: true,
        mutability: "readOnly",
        description: "A complex type that specifies sort result options.",
      },
    ),
    etag: attr.complex(
      {
        supported: attr.boolean({
          required: true,
          mutability: "readOnly",
          description: "A Boolean value specifying whether or not the operation is supported.",
        }),
      },
      {
        required: true,
        mutability: "readOnly",
        description: "A complex type that specifies ETag configuration options.",
      },
    ),
    authenticationSchemes: attr.complex(
      {
        type: attr.string({
          required: true,
          caseExact: false,
          mutability: "readOnly",
          uniqueness: "none",
          canonicalValues: ["oauth", "oauth2", "oauthbearertoken", "httpbasic", "httpdigest"],
          description: "The authentication scheme.  This specification defines the values 'oauth', 'oauth2', 'oauthbearertoken', 'httpbasic', and 'httpdigest'.",
        }),
        name: attr.string({
          required: true,
          caseExact: false,
          mutability: "readOnly",
          uniqueness: "none",
          description: "The common authentication scheme name, e.g., HTTP Basic.",
        }),
        description: attr.string({
          required: true,
          caseExact: false,
          mutability: "readOnly",
          uniqueness: "none",
          description: "A description of the authentication scheme.",
        }),
        specUri: attr.reference({
          caseExact: false,
          mutability: "readOnly",
          uniqueness: "none",
          referenceTypes: ["external"],
          description: "An HTTP-addressable URL pointing to the authentication scheme's specification.",
        }),
        documentationUri: attr.reference({
          caseExact: false,
          mutability: "readOnly",
          uniqueness: "none",
          referenceTypes: ["external"],
          description: "An HTTP-addressable URL pointing to the authentication scheme's usage documentation.",
        }),
        primary: attr.boolean({
          mutability: "readOnly",
          description: "A Boolean value indicating the 'primary' or preferred authentication scheme.",
        }),
      },
      {
        multiValued: true,
        required: true,
        mutability: "readOnly",
        description: "A complex type that specifies supported authentication scheme properties.",
      },
    ),
  },
});
