// RFC 7643 §4.3 / §8.7.1 Enterprise User extension, with the errata verdicts of shared/rfc7643/errata.md applied.
// Generated once from the corrected figures by the codegen in src/discovery/codegen.ts; test/builtins-json.test.ts
// compares toJSON() with those figures.
import { attr } from "../attribute.js";
import { defineSchema } from "../define-schema.js";

/**
 * RFC 7643 §4.3 / §8.7.1 Enterprise User extension.
 *
 * @example
 * ```ts
 * defineResourceType({
 *   name: "User", endpoint: "/Users", schema: UserSchema,
 *   extensions: [{ schema: EnterpriseUserSchema, required: true }],
 * });
 * ```
 */
export const EnterpriseUserSchema = defineSchema({
  id: "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
  name: "EnterpriseUser",
  description: "Enterprise User",
  attributes: {
    employeeNumber: attr.string({
      caseExact: false,
      uniqueness: "none",
      description: "Numeric or alphanumeric identifier assigned to a person, typically based on order of hire or association with an organization.",
    }),
    costCenter: attr.string({ caseExact: false, uniqueness: "none", description: "Identifies the name of a cost center." }),
    organization: attr.string({ caseExact: false, uniqueness: "none", description: "Identifies the name of an organization." }),
    division: attr.string({ caseExact: false, uniqueness: "none", description: "Identifies the name of a division." }),
    department: attr.string({ caseExact: false, uniqueness: "none", description: "Identifies the name of a department." }),
    manager: attr.complex(
      {
        value: attr.string({
          caseExact: true,
          uniqueness: "none",
          description: "The id of the SCIM resource representing the User's manager.  REQUIRED.",
        }),
        $ref: attr.reference({
          caseExact: true,
          uniqueness: "none",
          referenceTypes: ["User"],
          description: "The URI of the SCIM resource representing the User's manager.  REQUIRED.",
        }),
        displayName: attr.string({
          caseExact: false,
          mutability: "readOnly",
          uniqueness: "none",
          description: "The displayName of the User's manager. OPTIONAL and READ-ONLY.",
        }),
      },
      {
        description: "The User's manager.  A complex type that optionally allows service providers to represent organizational hierarchy by referencing the 'id' attribute of another User.",
      },
    ),
  },
});
