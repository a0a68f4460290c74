// DESIGN §3 views on a custom schema with every mutability × returned combination (RFC 7643 §7).
import { describe, expectTypeOf, test } from "vitest";
import type { CreateInput, ReplaceInput, ScimResource } from "../src/index.js";
import type { AcmeUser, Matrix } from "./fixtures-matrix.js";

const EMP = "urn:example:params:scim:schemas:extension:acme:2.0:Employee";
type Emp = typeof EMP;
type R = ScimResource<Matrix>;
type C = CreateInput<Matrix>;
type RequiredKeys<T> = { [K in keyof T]-?: {} extends Pick<T, K> ? never : K }[keyof T];

describe("RFC 7643 §7 mutability × returned in ScimResource", () => {
  test("returned never and writeOnly are absent; readOnly, readWrite and immutable are returned", () => {
    expectTypeOf<keyof R>().toEqualTypeOf<
      | "roAlways" | "roDefault" | "roRequest"
      | "rwAlways" | "rwDefault" | "rwRequest"
      | "imAlways" | "imDefault" | "imRequest"
      | "rwRequired" | "imRequired" | "roRequired" | "tags" | "badges" | "frozen" | "profile"
      | "schemas" | "id" | "externalId" | "meta" | Emp
    >();
  });
  test("required attributes (not returned on request only) and the required extension are required keys", () => {
    expectTypeOf<RequiredKeys<R>>().toEqualTypeOf<"schemas" | "id" | "meta" | "rwRequired" | "imRequired" | "roRequired" | Emp>();
  });
  test("complex values: writeOnly sub-attribute absent from the resource, required sub-attribute required", () => {
    type Badge = NonNullable<R["badges"]>[number];
    expectTypeOf<keyof Badge>().toEqualTypeOf<"value" | "label" | "issuedBy">();
    expectTypeOf<RequiredKeys<Badge>>().toEqualTypeOf<"value">();
  });
  test("extension: writeOnly pin absent, readOnly tenant present, required badgeId required", () => {
    expectTypeOf<keyof R[Emp]>().toEqualTypeOf<"badgeId" | "hireDate" | "costCenter" | "tenant" | "mentors">();
    expectTypeOf<RequiredKeys<R[Emp]>>().toEqualTypeOf<"badgeId">();
  });
});

describe("RFC 7644 §3.3 / §3.5.1 mutability in CreateInput and ReplaceInput", () => {
  test("readOnly absent; readWrite, immutable and writeOnly present whatever `returned` says", () => {
    expectTypeOf<keyof C>().toEqualTypeOf<
      | "rwAlways" | "rwNever" | "rwDefault" | "rwRequest"
      | "imAlways" | "imNever" | "imDefault" | "imRequest"
      | "woAlways" | "woNever" | "woDefault" | "woRequest"
      | "rwRequired" | "imRequired" | "tags" | "badges" | "frozen" | "profile"
      | "schemas" | "externalId" | Emp
    >();
    expectTypeOf<ReplaceInput<Matrix>>().toEqualTypeOf<C>();
  });
  test("required and not readOnly → required key; a required extension → required URN key", () => {
    expectTypeOf<RequiredKeys<C>>().toEqualTypeOf<"schemas" | "rwRequired" | "imRequired" | Emp>();
  });
  test("complex input item: readOnly sub-attribute absent, writeOnly and immutable present", () => {
    type Badge = NonNullable<C["badges"]>[number];
    expectTypeOf<keyof Badge>().toEqualTypeOf<"value" | "label" | "secret">();
    expectTypeOf<keyof C[Emp]>().toEqualTypeOf<"badgeId" | "hireDate" | "costCenter" | "pin" | "mentors">();
  });
  test("value types follow the attribute types", () => {
    expectTypeOf<C["rwRequired"]>().toEqualTypeOf<number>();
    expectTypeOf<C["imRequired"]>().toEqualTypeOf<string>();
    expectTypeOf<NonNullable<R["frozen"]>["b"]>().toEqualTypeOf<number | undefined>();
    expectTypeOf<R["roRequired"]>().toEqualTypeOf<boolean>();
  });
  test("an optional extension is an optional key (AcmeUser)", () => {
    expectTypeOf<RequiredKeys<CreateInput<typeof AcmeUser>>>().toEqualTypeOf<"schemas" | "userName">();
    expectTypeOf<ScimResource<typeof AcmeUser>>().toHaveProperty(EMP);
  });
});
