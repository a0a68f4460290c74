// DESIGN §4: the runtime services as methods of a resource type, compiled from its declaration.
import { describe, expect, expectTypeOf, it } from "vitest";
import { defineResourceType, type ScimResource, UserResourceType, UserSchema, type ViolationEvent } from "../src/index.js";
import { EmployeeSchema } from "./fixtures-matrix.js";
import { EMPLOYEE, patchBody } from "./patch-fixtures.js";

describe("resource type façade", () => {
  it("an onViolation declared on the resource type receives events from every call; a per-call hook takes precedence", () => {
    const onType: ViolationEvent[] = [];
    const perCall: ViolationEvent[] = [];
    const Acme = defineResourceType({
      name: "User",
      endpoint: "/Users",
      schema: UserSchema,
      extensions: [{ schema: EmployeeSchema, required: true }],
      onViolation: (e) => onType.push(e),
    });
    const body = { schemas: [UserSchema.id, EMPLOYEE], userName: "b", id: "client-chosen", [EMPLOYEE]: { badgeId: "B-1" } };
    const created = Acme.parseCreate(body);
    expect(created).not.toHaveProperty("id");
    expect(onType).toEqual([expect.objectContaining({ kind: "create", path: "id", action: "ignored", mutability: "readOnly" })]);
    const stored = { ...created, id: "u1", meta: { resourceType: "User", version: 'W/"1"' } };
    expect(() => Acme.applyPatch(stored, patchBody({ op: "replace", path: `${EMPLOYEE}:badgeId`, value: "B-2" }), { onViolation: (e) => perCall.push(e) })).toThrow();
    expect(perCall).toHaveLength(1);
    expect(onType).toHaveLength(1);
    expect(() => Acme.parseReplace({ ...body, [EMPLOYEE]: { badgeId: "B-9" } }, stored)).toThrow(/immutable|mutability/);
    expect(onType.at(-1)).toMatchObject({ kind: "replace", resourceId: "u1", mutability: "immutable", action: "rejected" });
  });
  it("RFC 7644 §3.4.2.2/§3.4.2.3: matches and compare compile against the declaration", () => {
    const users = [
      { schemas: [UserSchema.id], id: "1", userName: "zed", meta: {} },
      { schemas: [UserSchema.id], id: "2", userName: "Alice", meta: {} },
      { schemas: [UserSchema.id], id: "3", userName: "bob", title: "Guide", meta: {} },
    ];
    expect(users.filter(UserResourceType.matches('USERNAME sw "a" or title pr')).map((u) => u.id)).toEqual(["2", "3"]);
    expect([...users].sort(UserResourceType.compare("userName")).map((u) => u.userName)).toEqual(["Alice", "bob", "zed"]);
    expect(() => UserResourceType.compare("nosuch")).toThrow();
  });
  it("validators are Zod schemas and Standard Schema validators, typed by the declared views", async () => {
    const ok = UserResourceType.validators.create.safeParse({ schemas: [UserSchema.id], userName: "bjensen", active: "True" });
    expect(ok.success && ok.data.active).toBe(true);
    const bad = await UserResourceType.validators.create["~standard"].validate({ schemas: [UserSchema.id] });
    expect("issues" in bad && bad.issues?.[0]?.message).toMatch(/userName/);
    expectTypeOf(UserResourceType.validators.resource.parse).returns.toEqualTypeOf<ScimResource<typeof UserResourceType>>();
  });
});
