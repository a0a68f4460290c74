// A custom schema with every mutability × returned combination (RFC 7643 §7), plus required
// variants, shared by the view, PATCH and validation tests.
import { attr, defineResourceType, defineSchema, UserSchema } from "../src/index.js";

/** The sixteen mutability × returned combinations of RFC 7643 §7, one string attribute each. */
export const mutabilityReturnedMatrix = {
  roAlways: attr.string({ mutability: "readOnly", returned: "always" }),
  roNever: attr.string({ mutability: "readOnly", returned: "never" }),
  roDefault: attr.string({ mutability: "readOnly", returned: "default" }),
  roRequest: attr.string({ mutability: "readOnly", returned: "request" }),
  rwAlways: attr.string({ mutability: "readWrite", returned: "always" }),
  rwNever: attr.string({ mutability: "readWrite", returned: "never" }),
  rwDefault: attr.string({ mutability: "readWrite", returned: "default" }),
  rwRequest: attr.string({ mutability: "readWrite", returned: "request" }),
  imAlways: attr.string({ mutability: "immutable", returned: "always" }),
  imNever: attr.string({ mutability: "immutable", returned: "never" }),
  imDefault: attr.string({ mutability: "immutable", returned: "default" }),
  imRequest: attr.string({ mutability: "immutable", returned: "request" }),
  woAlways: attr.string({ mutability: "writeOnly", returned: "always" }),
  woNever: attr.string({ mutability: "writeOnly", returned: "never" }),
  woDefault: attr.string({ mutability: "writeOnly", returned: "default" }),
  woRequest: attr.string({ mutability: "writeOnly", returned: "request" }),
} as const;

export const MatrixSchema = defineSchema({
  id: "urn:example:params:scim:schemas:core:2.0:Matrix",
  name: "Matrix",
  description: "Every mutability × returned combination",
  attributes: {
    ...mutabilityReturnedMatrix,
    rwRequired: attr.integer({ required: true }),
    imRequired: attr.dateTime({ required: true, mutability: "immutable" }),
    roRequired: attr.boolean({ required: true, mutability: "readOnly" }),
    tags: attr.string({ multiValued: true, canonicalValues: ["a", "b"] }),
    badges: attr.complex(
      {
        value: attr.string({ mutability: "immutable", required: true }),
        label: attr.string(),
        issuedBy: attr.string({ mutability: "readOnly" }),
        secret: attr.binary({ mutability: "writeOnly", returned: "never" }),
      },
      { multiValued: true },
    ),
    frozen: attr.complex({ a: attr.string(), b: attr.decimal() }, { mutability: "immutable" }),
    profile: attr.complex({ nick: attr.string(), since: attr.dateTime({ mutability: "immutable" }) }),
  },
});

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

export const MatrixResourceType = defineResourceType({
  name: "Matrix",
  endpoint: "/Matrices",
  description: "Test resource type",
  schema: MatrixSchema,
  extensions: [{ schema: EmployeeSchema, required: true }],
});
export interface Matrix extends MatrixRT {}
type MatrixRT = typeof MatrixResourceType;

export const AcmeUser = defineResourceType({
  name: "User",
  endpoint: "/Users",
  schema: UserSchema,
  extensions: [{ schema: EmployeeSchema, required: false }],
});
