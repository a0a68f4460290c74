// Shared fixtures of the validate-* and project-* tests: the RFC 7643 §8.2 and §8.4
// examples (written from the RFC text, errata 5990 applied: country "US"), and a custom
// schema with every mutability × returned combination.
import { attr, defineResourceType, defineSchema, EnterpriseUserSchema, UserSchema } from "../src/index.js";
import { resourceIndex } from "../src/resource-type.js";
import { mutabilityReturnedMatrix } from "./fixtures-matrix.js";
import { GroupResourceType, UserResourceType } from "../src/builtins.js";

export const USER_URN = "urn:ietf:params:scim:schemas:core:2.0:User";
export const GROUP_URN = "urn:ietf:params:scim:schemas:core:2.0:Group";
export const ENTERPRISE_URN = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

export const userIndex = resourceIndex(UserResourceType);
export const groupIndex = resourceIndex(GroupResourceType);

const CERT =
  "MIIDQzCCAqygAwIBAgICEAAwDQYJKoZIhvcNAQEFBQAwTjELMAkGA1UEBhMCVVMxEzARBgNVBAgMCkNhbGlmb3JuaWExFDASBgNVBAoMC2V4YW1wbGUuY29tMRQwEgYDVQQDDAtleGFtcGxlLmNvbTAeFw0xMTEwMjIwNjI0MzFaFw0xMjEwMDQwNjI0MzFaMH8xCzAJBgNVBAYTAlVTMRMwEQYDVQQIDApDYWxpZm9ybmlhMRQwEgYDVQQKDAtleGFtcGxlLmNvbTEhMB8GA1UEAwwYTXMuIEJhcmJhcmEgSiBKZW5zZW4gSUlJMSIwIAYJKoZIhvcNAQkBFhNiamVuc2VuQGV4YW1wbGUuY29tMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA7Kr+Dcds/JQ5GwejJFcBIP682X3xpjis56AK02bc1FLgzdLI8auoR+cC9/Vrh5t66HkQIOdA4unHh0AaZ4xL5PhVbXIPMB5vAPKpzz5iPSi8xO8SL7I7SDhcBVJhqVqr3HgllEG6UClDdHO7nkLuwXq8HcISKkbT5WFTVfFZzidPl8HZ7DhXkZIRtJwBweq4bvm3hM1Os7UQH05ZS6cVDgweKNwdLLrT51ikSQG3DYrl+ft781UQRIqxgwqCfXEuDiinPh0kkvIi5jivVu1Z9QiwlYEdRbLJ4zJQBmDrSGTMYn4lRc2HgHO4DqB/bnMVorHB0CC6AV1QoFK4GPe1LwIDAQABo3sweTAJBgNVHRMEAjAAMCwGCWCGSAGG+EIBDQQfFh1PcGVuU1NMIEdlbmVyYXRlZCBDZXJ0aWZpY2F0ZTAdBgNVHQ4EFgQU8pD0U0vsZIsaA16lL8En8bx0F/gwHwYDVR0jBBgwFoAUdGeKitcaF7gnzsNwDx708kqaVt0wDQYJKoZIhvcNAQEFBQADgYEAA81SsFnOdYJtNg5Tcq+/ByEDrBgnusx0jloUhByPMEVkoMZ3J7j1ZgI8rAbOkNngX8+pKfTiDz1RC4+dx8oU6Za+4NJXUjlL5CvV6BEYb1+QAEJwitTVvxB/A67g42/vzgAtoRUeDov1+GFiBZ+GNF/cAYKcMtGcrs2i97ZkJMo=";

/** RFC 7643 §8.2 "Full User Representation" (the stored resource, password included). */
export function rfcFullUser(): Record<string, unknown> {
  return {
    schemas: [USER_URN],
    id: "2819c223-7f76-453a-919d-413861904646",
    externalId: "701984",
    userName: "bjensen@example.com",
    name: {
      formatted: "Ms. Barbara J Jensen, III",
      familyName: "Jensen",
      givenName: "Barbara",
      middleName: "Jane",
      honorificPrefix: "Ms.",
      honorificSuffix: "III",
    },
    displayName: "Babs Jensen",
    nickName: "Babs",
    profileUrl: "https://login.example.com/bjensen",
    emails: [
      { value: "bjensen@example.com", type: "work", primary: true },
      { value: "babs@jensen.org", type: "home" },
    ],
    addresses: [
      {
        type: "work",
        streetAddress: "100 Universal City Plaza",
        locality: "Hollywood",
        region: "CA",
        postalCode: "91608",
        country: "US",
        formatted: "100 Universal City Plaza\nHollywood, CA 91608 USA",
        primary: true,
      },
      {
        type: "home",
        streetAddress: "456 Hollywood Blvd",
        locality: "Hollywood",
        region: "CA",
        postalCode: "91608",
        country: "US",
        formatted: "456 Hollywood Blvd\nHollywood, CA 91608 USA",
      },
    ],
    phoneNumbers: [
      { value: "555-555-5555", type: "work" },
      { value: "555-555-4444", type: "mobile" },
    ],
    ims: [{ value: "someaimhandle", type: "aim" }],
    photos: [
      { value: "https://photos.example.com/profilephoto/72930000000Ccne/F", type: "photo" },
      { value: "https://photos.example.com/profilephoto/72930000000Ccne/T", type: "thumbnail" },
    ],
    userType: "Employee",
    title: "Tour Guide",
    preferredLanguage: "en-US",
    locale: "en-US",
    timezone: "America/Los_Angeles",
    active: true,
    password: "t1meMa$heen",
    groups: [
      {
        value: "e9e30dba-f08f-4109-8486-d5c6a331660a",
        $ref: "https://example.com/v2/Groups/e9e30dba-f08f-4109-8486-d5c6a331660a",
        display: "Tour Guides",
      },
      {
        value: "fc348aa8-3835-40eb-a20b-c726e15c55b5",
        $ref: "https://example.com/v2/Groups/fc348aa8-3835-40eb-a20b-c726e15c55b5",
        display: "Employees",
      },
      {
        value: "71ddacd2-a8e7-49b8-a5db-ae50d0a5bfd7",
        $ref: "https://example.com/v2/Groups/71ddacd2-a8e7-49b8-a5db-ae50d0a5bfd7",
        display: "US Employees",
      },
    ],
    x509Certificates: [{ value: CERT }],
    meta: {
      resourceType: "User",
      created: "2010-01-23T04:56:22Z",
      lastModified: "2011-05-13T04:42:34Z",
      version: 'W/"a330bc54f0671c9"',
      location: "https://example.com/v2/Users/2819c223-7f76-453a-919d-413861904646",
    },
  };
}

/** RFC 7643 §8.4 Group representation. */
export function rfcGroup(): Record<string, unknown> {
  return {
    schemas: [GROUP_URN],
    id: "e9e30dba-f08f-4109-8486-d5c6a331660a",
    displayName: "Tour Guides",
    members: [
      {
        value: "2819c223-7f76-453a-919d-413861904646",
        $ref: "https://example.com/v2/Users/2819c223-7f76-453a-919d-413861904646",
        display: "Babs Jensen",
      },
      {
        value: "902c246b-6245-4190-8e05-00816be7344a",
        $ref: "https://example.com/v2/Users/902c246b-6245-4190-8e05-00816be7344a",
        display: "Mandy Pepperidge",
      },
    ],
    meta: {
      resourceType: "Group",
      created: "2010-01-23T04:56:22Z",
      lastModified: "2011-05-13T04:42:34Z",
      version: 'W/"3694e05e9dff592"',
      location: "https://example.com/v2/Groups/e9e30dba-f08f-4109-8486-d5c6a331660a",
    },
  };
}

/** A copy of `value` frozen all the way down, so that any write to it throws. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null) {
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
    Object.freeze(value);
  }
  return value;
}

export const CUSTOM_URN = "urn:example:params:scim:schemas:core:2.0:Gadget";
export const CUSTOM_EXT_URN = "urn:example:params:scim:schemas:extension:acme:2.0:Gadget";

/** Every mutability × returned combination (RFC 7643 §7), plus complex shapes with mixed sub-attributes. */
export const GadgetSchema = defineSchema({
  id: CUSTOM_URN,
  name: "Gadget",
  attributes: {
    ...mutabilityReturnedMatrix,
    serial: attr.string({ required: true, mutability: "immutable" }),
    label: attr.string({ required: true }),
    tags: attr.string({ multiValued: true, mutability: "immutable" }),
    born: attr.dateTime({ mutability: "immutable" }),
    spec: attr.complex(
      {
        model: attr.string({ mutability: "immutable" }),
        color: attr.string(),
        secret: attr.string({ mutability: "writeOnly", returned: "never" }),
        checksum: attr.string({ mutability: "readOnly" }),
        note: attr.string({ returned: "request" }),
        code: attr.string({ returned: "always" }),
      },
    ),
    parts: attr.complex(
      {
        value: attr.string({ required: true, caseExact: true }),
        kind: attr.string({ mutability: "immutable" }),
        label: attr.string(),
        stamp: attr.string({ mutability: "readOnly" }),
        primary: attr.boolean(),
      },
      { multiValued: true },
    ),
    frozen: attr.complex({ a: attr.string(), b: attr.integer(), pin: attr.string({ mutability: "writeOnly" }) }, { mutability: "immutable" }),
  },
});

export const AcmeGadgetSchema = defineSchema({
  id: CUSTOM_EXT_URN,
  name: "AcmeGadget",
  attributes: {
    badge: attr.string({ required: true, mutability: "immutable" }),
    level: attr.integer(),
    audited: attr.dateTime({ mutability: "readOnly" }),
  },
});

export const GadgetResourceType = defineResourceType({
  name: "Gadget",
  endpoint: "/Gadgets",
  schema: GadgetSchema,
  extensions: [{ schema: AcmeGadgetSchema, required: true }],
});

export const gadgetIndex = resourceIndex(GadgetResourceType);

/** The User resource type with the Enterprise extension required (as RFC 7643 §8.6 has it). */
export const StrictUserResourceType = defineResourceType({
  name: "User",
  endpoint: "/Users",
  schema: UserSchema,
  extensions: [{ schema: EnterpriseUserSchema, required: true }],
});

/** Runs `fn` and returns the ScimError it throws (failing the test when it throws none or another error). */
export function scimError(fn: () => unknown): { status: number; scimType: string | undefined; detail: string } {
  try {
    fn();
  } catch (error) {
    const e = error as { name?: string; status?: number; scimType?: string; detail?: string };
    if (e.name !== "ScimError") throw error;
    return { status: e.status!, scimType: e.scimType, detail: e.detail! };
  }
  throw new Error("expected a ScimError, none was thrown");
}
