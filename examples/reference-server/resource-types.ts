// The resource types the reference server serves: the RFC 7643 User (with the Enterprise User
// extension) and Group, plus an example extension that shows the immutability contract.
import {
  attr,
  defineResourceType,
  defineSchema,
  EnterpriseUserSchema,
  GroupResourceType,
  UserSchema,
} from "scimtype";

export const EMPLOYEE_URN = "urn:example:params:scim:schemas:extension:reference:2.0:Employee";

/**
 * An example extension: an employee identifier the server keeps unique and never lets change
 * once set, and a hire date that is likewise fixed. Both may be left out on creation and set
 * later exactly once (RFC 7643 §7 "immutable": "can be set only once"); any attempt to change
 * or remove a stored value is answered with 400 `mutability` and written to the audit table.
 */
export const EmployeeSchema = defineSchema({
  id: EMPLOYEE_URN,
  name: "Employee",
  description: "Reference server example: immutable employee identity",
  attributes: {
    employeeId: attr.string({
      mutability: "immutable",
      caseExact: true,
      uniqueness: "server",
      description: "Identifier assigned at hire; unique on this server; never changes once set.",
    }),
    hireDate: attr.dateTime({
      mutability: "immutable",
      description: "Date and time of hire; never changes once set.",
    }),
  },
});

/**
 * User with both extensions optional: identity providers (Entra ID, Okta) create users without
 * either, and the Employee values may arrive later.
 */
export const ReferenceUser = defineResourceType({
  name: "User",
  endpoint: "/Users",
  description: "User Account",
  schema: UserSchema,
  extensions: [
    { schema: EnterpriseUserSchema, required: false },
    { schema: EmployeeSchema, required: false },
  ],
});

export const ReferenceGroup = GroupResourceType;

export const resourceTypes = [ReferenceUser, ReferenceGroup] as const;

/**
 * Attributes the SQLite store indexes per resource type, so that `eq` filters on them (the
 * lookups identity providers make before every create: `userName eq "…"`, `displayName eq "…"`,
 * `externalId eq "…"`) read a few rows instead of every row.
 */
export const indexedAttributes: Readonly<Record<string, readonly string[]>> = {
  User: ["userName", "externalId", "emails.value", `${EMPLOYEE_URN}:employeeId`],
  Group: ["displayName", "externalId"],
};
