// Fixtures of the path/filter tests: a handful of users that make each RFC 7644 §3.4.2.2
// example select a distinct subset, and a test resource type with every attribute type.
import { attr, defineResourceType, defineSchema, UserResourceType } from "../src/index.js";
import { resourceIndex } from "../src/resource-type.js";

export const CORE = "urn:ietf:params:scim:schemas:core:2.0:User";
export const ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

export const userIndex = resourceIndex(UserResourceType);

export type Resource = Record<string, unknown>;

/** bjensen: an Employee with a title, a work email at example.com and the enterprise extension. */
export const alpha: Resource = {
  schemas: [CORE, ENTERPRISE],
  id: "a1",
  externalId: "EXT-A",
  userName: "bjensen",
  name: { familyName: "Jensen", givenName: "Barbara" },
  title: "Tour Guide",
  userType: "Employee",
  active: true,
  emails: [
    { value: "bjensen@example.com", type: "work", primary: true },
    { value: "babs@jensen.org", type: "home" },
  ],
  meta: { resourceType: "User", lastModified: "2011-05-13T04:42:34Z" },
  [ENTERPRISE]: { employeeNumber: "701984", manager: { value: "Boss-1", displayName: "John Smith" } },
};

/** jsmith: an Intern named O'Malley, an xmpp im at foo.com, modified one second later. */
export const bravo: Resource = {
  schemas: [CORE],
  id: "b2",
  userName: "jsmith",
  name: { familyName: "O'Malley" },
  userType: "Intern",
  active: false,
  emails: [{ value: "jsmith@example.org", type: "home" }],
  ims: [{ value: "jsmith@foo.com", type: "xmpp" }],
  meta: { resourceType: "User", lastModified: "2011-05-13T04:42:35Z" },
};

/** Alice: an Employee with an empty title and a work email elsewhere, modified earlier. */
export const charlie: Resource = {
  schemas: [CORE],
  id: "c3",
  userName: "Alice",
  title: "",
  userType: "Employee",
  emails: [{ value: "alice@else.net", type: "work" }],
  meta: { resourceType: "User", lastModified: "2010-01-01T00:00:00Z" },
};

/** dlee: a Contractor with no example.* email, modified later. */
export const delta: Resource = {
  schemas: [CORE],
  id: "d4",
  userName: "dlee",
  userType: "Contractor",
  emails: [{ value: "dlee@else.net", type: "work" }],
  meta: { resourceType: "User", lastModified: "2012-01-01T00:00:00Z" },
};

export const users: readonly Resource[] = [alpha, bravo, charlie, delta];

export function ids(predicate: (r: Resource) => boolean, from: readonly Resource[] = users): string[] {
  return from.filter(predicate).map((r) => r.id as string);
}

/** A resource type with one attribute of every type, for the type rules of the evaluator. */
export const DeviceSchema = defineSchema({
  id: "urn:example:params:scim:schemas:core:2.0:Device",
  name: "Device",
  description: "Test device",
  attributes: {
    label: attr.string(),
    serial: attr.string({ caseExact: true }),
    ports: attr.integer(),
    weight: attr.decimal(),
    enabled: attr.boolean(),
    firmware: attr.binary(),
    installed: attr.dateTime(),
    homepage: attr.reference({ referenceTypes: ["external"] }),
    tags: attr.string({ multiValued: true }),
    readings: attr.integer({ multiValued: true }),
    slots: attr.complex({ position: attr.integer(), card: attr.string() }, { multiValued: true }),
    owner: attr.complex({ value: attr.string({ caseExact: true }), display: attr.string() }),
  },
});

export const DeviceResourceType = defineResourceType({
  name: "Device",
  endpoint: "/Devices",
  schema: DeviceSchema,
});

export const deviceIndex = resourceIndex(DeviceResourceType);
