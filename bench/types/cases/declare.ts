// TYPES.md row 1: declare User + Enterprise + one custom extension.
import { attr, defineResourceType, defineSchema, EnterpriseUserSchema, UserSchema } from "scimtype";

export const EmployeeSchema = defineSchema({
  id: "urn:example:params:scim:schemas:extension:acme:2.0:Employee",
  name: "Employee",
  description: "Acme employee data",
  attributes: {
    badgeId: attr.string({ required: true, mutability: "immutable", caseExact: true, uniqueness: "server" }),
    hireDate: attr.dateTime({ mutability: "immutable" }),
    costCenter: attr.string({ canonicalValues: ["R&D", "Sales"] }),
    pin: attr.string({ mutability: "writeOnly", returned: "never" }),
    tenant: attr.string({ mutability: "readOnly", returned: "always" }),
    mentors: attr.complex(
      { value: attr.string(), display: attr.string({ mutability: "readOnly" }) },
      { multiValued: true },
    ),
  },
});

export const AcmeUser = defineResourceType({
  name: "User",
  endpoint: "/Users",
  description: "User Account",
  schema: UserSchema,
  extensions: [
    { schema: EnterpriseUserSchema, required: false },
    { schema: EmployeeSchema, required: true },
  ],
});
