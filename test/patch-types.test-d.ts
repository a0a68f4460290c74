// Typed PATCH (DESIGN §3): immutable and readOnly paths, and wrong values, fail to compile.
// test/ts-directives.test.ts strips every @ts-expect-error below and checks that the
// expected error code lands on exactly the directive's next line.
import { describe, expectTypeOf, test } from "vitest";
import {
  attr,
  defineResourceType,
  defineSchema,
  GroupResourceType,
  PATCH_OP_URN,
  UserSchema,
  patch,
  UserResourceType,
  type Group,
  type PatchPath,
  type PatchRequest,
  type PatchValue,
  type User,
} from "../src/index.js";
import { type Matrix, MatrixResourceType } from "./fixtures-matrix.js";

const ENT = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
const EMP = "urn:example:params:scim:schemas:extension:acme:2.0:Employee";

describe("RFC 7644 §3.5.2 typed PATCH on the built-ins", () => {
  test("readWrite, writeOnly, filtered and extension paths compile", () => {
    const body = patch(UserResourceType)
      .replace("name.givenName", "x")
      .add("emails", [{ value: "a@b.c", type: "work" }])
      .replace('emails[type eq "work"].value', "x")
      .replace(`${ENT}:department`, "x")
      .replace(`${ENT}:manager.value`, "26118915")
      .replace("password", "t1meMa$heen")
      .replace("active", false)
      .replace("externalId", "ext-1")
      .replace('addresses[type eq "work"]', { locality: "Hollywood" })
      .remove('emails[type eq "home"]')
      .add({ displayName: "Babs", [ENT]: { costCenter: "4130" } })
      .toJSON();
    expectTypeOf(body).toEqualTypeOf<PatchRequest<User>>();
    patch(GroupResourceType).remove('members[value eq "2819c223-7f76-453a-919d-413861904646"]');
    patch(GroupResourceType).add("members", [{ value: "2819c223", display: "Babs", type: "User" }]);
  });

  test("immutable and readOnly paths do not compile", () => {
    // @ts-expect-error TS2345 id is readOnly (RFC 7643 §3.1)
    patch(UserResourceType).replace("id", "x");
    // @ts-expect-error TS2345 meta.created is readOnly
    patch(UserResourceType).replace("meta.created", "2011-08-01T18:29:49.793Z");
    // @ts-expect-error TS2345 groups is readOnly (RFC 7643 §4.1.2)
    patch(UserResourceType).add("groups", []);
    // @ts-expect-error TS2345 manager.displayName is readOnly (RFC 7643 §4.3)
    patch(UserResourceType).replace(`${ENT}:manager.displayName`, "x");
    // @ts-expect-error TS2345 members' sub-attributes are immutable (RFC 7643 §4.2)
    patch(GroupResourceType).replace('members[value eq "x"].value', "y");
    // @ts-expect-error TS2345 meta is readOnly: remove does not compile either
    patch(UserResourceType).remove("meta");
  });

  test("misspelled paths and wrong values do not compile", () => {
    // @ts-expect-error TS2345 misspelled path
    patch(UserResourceType).replace("name.givenNmae", "x");
    // @ts-expect-error TS2345 a number where a string belongs
    patch(UserResourceType).replace("name.givenName", 3);
    // @ts-expect-error TS2561 a single object where an array belongs
    patch(UserResourceType).add("emails", { value: "a@b.c" });
    // @ts-expect-error TS2554 remove takes no value
    patch(UserResourceType).remove("title", "x");
    // @ts-expect-error TS2353 a no-path value may not hold a readOnly attribute
    patch(UserResourceType).replace({ groups: [] });
  });
});

describe("typed PATCH on a custom schema with every mutability", () => {
  test("readWrite and writeOnly compile, whatever `returned` says", () => {
    patch(MatrixResourceType).replace("rwAlways", "x").replace("rwNever", "x").replace("woNever", "x").replace("woRequest", "x");
    patch(MatrixResourceType).replace(`${EMP}:costCenter`, "Sales").replace(`${EMP}:pin`, "1234");
    patch(MatrixResourceType).add("badges", [{ value: "b1", label: "gold", secret: "AAAA" }]);
    patch(MatrixResourceType).replace('badges[value eq "b1"].label', "silver");
    patch(MatrixResourceType).replace("profile.nick", "n");
  });
  test("every immutable and readOnly attribute fails", () => {
    // @ts-expect-error TS2345 immutable
    patch(MatrixResourceType).replace("imAlways", "x");
    // @ts-expect-error TS2345 immutable
    patch(MatrixResourceType).replace("imNever", "x");
    // @ts-expect-error TS2345 immutable
    patch(MatrixResourceType).replace("imDefault", "x");
    // @ts-expect-error TS2345 immutable
    patch(MatrixResourceType).add("imRequest", "x");
    // @ts-expect-error TS2345 immutable
    patch(MatrixResourceType).remove("imRequired");
    // @ts-expect-error TS2345 readOnly
    patch(MatrixResourceType).replace("roAlways", "x");
    // @ts-expect-error TS2345 readOnly
    patch(MatrixResourceType).replace("roNever", "x");
    // @ts-expect-error TS2345 readOnly
    patch(MatrixResourceType).replace("roDefault", "x");
    // @ts-expect-error TS2345 readOnly
    patch(MatrixResourceType).replace("roRequest", "x");
    // @ts-expect-error TS2345 immutable extension attribute
    patch(MatrixResourceType).replace(`${EMP}:badgeId`, "x");
    // @ts-expect-error TS2345 immutable extension attribute
    patch(MatrixResourceType).replace(`${EMP}:hireDate`, "2020-01-01T00:00:00Z");
    // @ts-expect-error TS2345 readOnly extension attribute
    patch(MatrixResourceType).replace(`${EMP}:tenant`, "t");
    // @ts-expect-error TS2345 readOnly sub-attribute
    patch(MatrixResourceType).replace(`${EMP}:mentors[value eq "m"].display`, "d");
    // @ts-expect-error TS2345 immutable sub-attribute through a filter
    patch(MatrixResourceType).replace('badges[value eq "b1"].value', "b2");
    // @ts-expect-error TS2345 readOnly sub-attribute through a filter
    patch(MatrixResourceType).replace('badges[value eq "b1"].issuedBy', "me");
    // @ts-expect-error TS2345 a sub-attribute under an immutable parent
    patch(MatrixResourceType).replace("frozen.a", "x");
    // @ts-expect-error TS2345 immutable sub-attribute of a single-valued complex
    patch(MatrixResourceType).replace("profile.since", "2020-01-01T00:00:00Z");
    // @ts-expect-error TS2353 a new multi-valued item may not carry a readOnly sub-attribute
    patch(MatrixResourceType).add("badges", [{ value: "b1", issuedBy: "me" }]);
  });
});

describe("PatchPath, PatchValue and PatchRequest", () => {
  test("the path union of Group", () => {
    expectTypeOf<PatchPath<Group>>().toEqualTypeOf<"displayName" | "members" | `members[${string}]` | "externalId">();
  });
  test("values per path and operation", () => {
    expectTypeOf<PatchValue<User, "name.givenName", "replace">>().toEqualTypeOf<string>();
    expectTypeOf<PatchValue<User, 'emails[type eq "work"].primary'>>().toEqualTypeOf<boolean>();
    expectTypeOf<PatchValue<User, "title", "remove">>().toEqualTypeOf<never>();
    expectTypeOf<PatchValue<Group, "members">>().toEqualTypeOf<
      readonly { value?: string; $ref?: string; type?: "User" | "Group" | (string & {}); display?: string }[]
    >();
    expectTypeOf<PatchValue<Matrix, 'badges[label eq "x"]'>>().toEqualTypeOf<{ label?: string; secret?: string }>();
  });
  test("a PatchOp body is a plain object literal", () => {
    const body: PatchRequest<User> = {
      schemas: [PATCH_OP_URN],
      Operations: [
        { op: "replace", path: "name.givenName", value: "Babs" },
        { op: "add", path: "emails", value: [{ value: "babs@example.com", type: "home" }] },
        { op: "remove", path: 'phoneNumbers[type eq "mobile"]' },
        { op: "replace", value: { active: true } },
      ],
    };
    const bad: PatchRequest<User> = {
      schemas: [PATCH_OP_URN],
      // @ts-expect-error TS2322 readOnly path in a plain body
      Operations: [{ op: "replace", path: "id", value: "x" }],
    };
    void body, bad;
  });
});

describe("no-path values and extensions with nothing writable", () => {
  test("an extension whose attributes are all immutable or readOnly takes no no-path value", () => {
    const Frozen = defineSchema({
      id: "urn:example:params:scim:schemas:extension:acme:2.0:Frozen",
      name: "Frozen",
      attributes: { employeeId: attr.string({ mutability: "immutable" }), tenant: attr.string({ mutability: "readOnly" }) },
    });
    const RT = defineResourceType({ name: "User", endpoint: "/Users", schema: UserSchema, extensions: [{ schema: Frozen, required: false }] });
    patch(RT).replace({ displayName: "x" });
    // @ts-expect-error TS2353 the extension has no writable attribute
    patch(RT).replace({ "urn:example:params:scim:schemas:extension:acme:2.0:Frozen": { employeeId: "x" } });
  });
});
