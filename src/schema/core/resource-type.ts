// RFC 7643 §6 / §8.7.2 schema of /ResourceTypes entries, with the errata verdicts of shared/rfc7643/errata.md applied.
// Generated once from the corrected figures by the codegen in src/discovery/codegen.ts; test/builtins-json.test.ts
// compares toJSON() with those figures.
import { attr } from "../attribute.js";
import { defineSchema } from "../define-schema.js";

/**
 * RFC 7643 §6 / §8.7.2 schema of /ResourceTypes entries.
 *
 * @example
 * ```ts
 * const { schemas } = discovery({ resourceTypes: [UserResourceType] });
 * ResourceTypeSchema.toJSON(); // the §8.7.2 "ResourceType" schema, for servers that list it in /Schemas
 * ```
 */
export const ResourceTypeSchema = defineSchema({
  id: "urn:ietf:params:scim:schemas:core:2.0:ResourceType",
  name: "ResourceType",
  description: "Specifies the schema that describes a SCIM resource type",
  attributes: {
    id: attr.string({
      caseExact: false,
      mutability: "readOnly",
      uniqueness: "none",
      description: "The resource type's server unique id. May be the same as the 'name' attribute.",
    }),
    name: attr.string({
      required: true,
      caseExact: false,
      mutability: "readOnly",
      uniqueness: "none",
      description: "The resource type name.  When applicable, service providers MUST specify the name, e.g., 'User'.",
    }),
    description: attr.string({
      caseExact: false,
      mutability: "readOnly",
      uniqueness: "none",
      description: "The resource type's human-readable description.  When applicable, service providers MUST specify the description.",
    }),
    endpoint: attr.reference({
      required: true,
      caseExact: false,
      mutability: "readOnly",
      uniqueness: "none",
      referenceTypes: ["uri"],
      description: "The resource type's HTTP-addressable endpoint relative to the Base URL, e.g., '/Users'.",
    }),
    schema: attr.reference({
      required: true,
      caseExact: true,
      mutability: "readOnly",
      uniqueness: "none",
      referenceTypes: ["uri"],
      description: "The resource type's primary/base schema URI.",
    }),
    schemaExtensions: attr.complex(
      {
        schema: attr.reference({
          required: true,
          caseExact: true,
          mutability: "readOnly",
          uniqueness: "none",
          referenceTypes: ["uri"],
          description: "The URI of a schema extension.",
        }),
        required: attr.boolean({
          required: true,
          mutability: "readOnly",
          description: "A Boolean value that specifies whether or not the schema extension is required for the resource type.  If true, a resource of this type MUST include this schema extension and also include any attributes declared as required in this schema extension. If false, a resource of this type MAY omit this schema extension.",
        }),
      },
      {
        multiValued: true,
        mutability: "readOnly",
        description: "A list of URIs of the resource type's schema extensions.",
      },
    ),
  },
});
