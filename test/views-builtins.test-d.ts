// RFC 7643 §4 built-ins: every attribute's presence in each derived view (DESIGN §3).
import { describe, expectTypeOf, test } from "vitest";
import type { CreateInput, GroupResourceType, ReplaceInput, ScimResource, User, Group } from "../src/index.js";

const ENT = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
type Ent = typeof ENT;
type UserR = ScimResource<User>;
type UserC = CreateInput<User>;
type UserP = ReplaceInput<User>;
type GroupR = ScimResource<Group>;
type GroupC = CreateInput<Group>;

type UserCoreKeys =
  | "userName" | "name" | "displayName" | "nickName" | "profileUrl" | "title" | "userType"
  | "preferredLanguage" | "locale" | "timezone" | "active" | "emails" | "phoneNumbers" | "ims"
  | "photos" | "addresses" | "entitlements" | "roles" | "x509Certificates";

/** Keys that must be present (not optional) in T. */
type RequiredKeys<T> = { [K in keyof T]-?: {} extends Pick<T, K> ? never : K }[keyof T];

describe("ScimResource<User> (RFC 7643 §4.1, §3.1)", () => {
  test("keys: every returned attribute, `groups` (readOnly, returned) included; `password` (writeOnly, returned never) absent", () => {
    expectTypeOf<keyof UserR>().toEqualTypeOf<
      UserCoreKeys | "groups" | "schemas" | "id" | "externalId" | "meta" | Ent
    >();
  });
  test("schemas, id, meta and the required userName are required; the rest optional", () => {
    expectTypeOf<RequiredKeys<UserR>>().toEqualTypeOf<"schemas" | "id" | "meta" | "userName">();
  });
  test("value types", () => {
    expectTypeOf<UserR["id"]>().toEqualTypeOf<string>();
    expectTypeOf<UserR["active"]>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<NonNullable<UserR["name"]>["givenName"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<NonNullable<UserR["emails"]>[number]["primary"]>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<NonNullable<UserR["groups"]>[number]>().toHaveProperty("$ref");
    expectTypeOf<UserR["meta"]["created"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<keyof UserR["meta"]>().toEqualTypeOf<"resourceType" | "created" | "lastModified" | "location" | "version">();
  });
  test("Enterprise User extension (§4.3) under its URN, optional since the extension is optional", () => {
    type E = NonNullable<UserR[Ent]>;
    expectTypeOf<keyof E>().toEqualTypeOf<"employeeNumber" | "costCenter" | "organization" | "division" | "department" | "manager">();
    expectTypeOf<keyof NonNullable<E["manager"]>>().toEqualTypeOf<"value" | "$ref" | "displayName">();
    expectTypeOf<RequiredKeys<UserR>>().not.toEqualTypeOf<Ent>();
  });
  test("canonicalValues complete without rejecting other strings", () => {
    // Exclude, not NonNullable: `(string & {}) & {}` collapses to `string` and loses the literals.
    type EmailType = Exclude<NonNullable<UserR["emails"]>[number]["type"], undefined>;
    expectTypeOf<"work">().toMatchTypeOf<EmailType>();
    expectTypeOf<"pager-of-my-own">().toMatchTypeOf<EmailType>();
    // the literals stay in the union (editor completion) beside the open `string & {}`
    type Literals<T> = T extends string ? (string extends T ? never : T) : never;
    expectTypeOf<Literals<EmailType>>().toEqualTypeOf<"work" | "home" | "other">();
  });
});

describe("CreateInput<User> / ReplaceInput<User> (RFC 7644 §3.3, §3.5.1)", () => {
  test("keys: readOnly `id`, `meta`, `groups` absent; writeOnly `password` present", () => {
    expectTypeOf<keyof UserC>().toEqualTypeOf<UserCoreKeys | "password" | "schemas" | "externalId" | Ent>();
    expectTypeOf<keyof UserP>().toEqualTypeOf<keyof UserC>();
  });
  test("`schemas` and the required `userName` are required", () => {
    expectTypeOf<RequiredKeys<UserC>>().toEqualTypeOf<"schemas" | "userName">();
  });
  test("`schemas` lists the core and extension URNs", () => {
    expectTypeOf<UserC["schemas"][number]>().toEqualTypeOf<"urn:ietf:params:scim:schemas:core:2.0:User" | Ent>();
  });
  test("readOnly sub-attribute manager.displayName is absent from input", () => {
    expectTypeOf<keyof NonNullable<NonNullable<UserC[Ent]>["manager"]>>().toEqualTypeOf<"value" | "$ref">();
  });
  test("multi-valued values are readonly arrays on input", () => {
    expectTypeOf<readonly { value: string }[]>().toMatchTypeOf<NonNullable<UserC["emails"]>>();
  });
  test("a body literal type-checks, and a wrong value does not", () => {
    const ok: UserC = {
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:User", ENT],
      userName: "bjensen",
      name: { givenName: "Barbara" },
      emails: [{ value: "b@example.com", type: "work", primary: true }],
      password: "t1meMa$heen",
      [ENT]: { employeeNumber: "701984", manager: { value: "26118915-6090-4610-87e4-49d8ca9f808d" } },
    };
    expectTypeOf(ok).toEqualTypeOf<UserC>();
    // @ts-expect-error TS2322 userName is required (RFC 7643 §4.1)
    const missing: UserC = { schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"] };
    // @ts-expect-error TS2353 id is readOnly: not part of a POST body
    const withId: UserC = { schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"], userName: "b", id: "x" };
    // @ts-expect-error TS2322 active is a boolean
    const wrong: UserC = { schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"], userName: "b", active: "yes" };
    void missing, withId, wrong;
  });
});

describe("Group (RFC 7643 §4.2, errata 5368: displayName required)", () => {
  test("resource and input keys", () => {
    expectTypeOf<keyof GroupR>().toEqualTypeOf<"displayName" | "members" | "schemas" | "id" | "externalId" | "meta">();
    expectTypeOf<keyof GroupC>().toEqualTypeOf<"displayName" | "members" | "schemas" | "externalId">();
    expectTypeOf<RequiredKeys<GroupC>>().toEqualTypeOf<"schemas" | "displayName">();
  });
  test("members carry their immutable sub-attributes on input (a new value carries its identity)", () => {
    expectTypeOf<keyof NonNullable<GroupC["members"]>[number]>().toEqualTypeOf<"value" | "$ref" | "type" | "display">();
  });
  test("GroupResourceType is typed as Group", () => {
    expectTypeOf<typeof GroupResourceType>().toEqualTypeOf<Group>();
  });
});
