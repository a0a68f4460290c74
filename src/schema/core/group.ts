// RFC 7643 §4.2 / §8.7.1 Group schema, with the errata verdicts of shared/rfc7643/errata.md applied.
// Generated once from the corrected figures by the codegen in src/discovery/codegen.ts; test/builtins-json.test.ts
// compares toJSON() with those figures.
import { attr } from "../attribute.js";
import { defineSchema } from "../define-schema.js";

/**
 * RFC 7643 §4.2 / §8.7.1 Group schema.
 *
 * @example
 * ```ts
 * const team = defineResourceType({ name: "Team", endpoint: "/Teams", schema: GroupSchema });
 * ```
 */
export const GroupSchema = defineSchema({
  id: "urn:ietf:params:scim:schemas:core:2.0:Group",
  name: "Group",
  description: "Group",
  attributes: {
    displayName: attr.string({
      required: true,
      caseExact: false,
      uniqueness: "none",
      description: "A human-readable name for the Group. REQUIRED.",
    }),
    members: attr.complex(
      {
        value: attr.string({
          caseExact: true,
          mutability: "immutable",
          uniqueness: "none",
          description: "Identifier of the member of this Group.",
        }),
        $ref: attr.reference({
          caseExact: true,
          mutability: "immutable",
          uniqueness: "none",
          referenceTypes: ["User", "Group"],
          description: "The URI corresponding to a SCIM resource that is a member of this Group.",
        }),
        type: attr.string({
          caseExact: false,
          mutability: "immutable",
          uniqueness: "none",
          canonicalValues: ["User", "Group"],
          description: "A label indicating the type of resource, e.g., 'User' or 'Group'.",
        }),
        display: attr.string({
          caseExact: false,
          mutability: "immutable",
          uniqueness: "none",
          description: "A human-readable name, primarily used for display purposes.",
        }),
      },
      { multiValued: true, description: "A list of members of the Group." },
    ),
  },
});
