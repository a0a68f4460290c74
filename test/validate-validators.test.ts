import { describe, expect, it } from "vitest";
import { compileValidators } from "../src/validate/index.js";
import { ENTERPRISE_URN, USER_URN, rfcFullUser, userIndex } from "./validate-fixtures.js";

const body = { schemas: [USER_URN], userName: "bjensen", active: "True", id: "client-sent" };

describe("validators: Zod 4 schemas, Standard Schema compatible (DESIGN §4 RT.validators)", () => {
  it("DESIGN §4: compiled once per index and cached", () => {
    expect(compileValidators(userIndex)).toBe(compileValidators(userIndex));
    expect(compileValidators(userIndex, { strict: true })).not.toBe(compileValidators(userIndex));
  });

  it("RFC 7644 §3.3 create: behaves like parseCreate (readOnly dropped, lenient booleans)", () => {
    const result = compileValidators(userIndex).create.safeParse(body);
    expect(result).toStrictEqual({ success: true, data: { schemas: [USER_URN], userName: "bjensen", active: true } });
  });

  it("RFC 7644 §3.3 create: a failure is a Zod issue with the detail and the path of the offending value", () => {
    const result = compileValidators(userIndex).create.safeParse({
      schemas: [USER_URN, ENTERPRISE_URN],
      userName: "b",
      [ENTERPRISE_URN]: { manager: { value: 5 } },
    });
    expect(result.success).toBe(false);
    const issue = result.error!.issues[0]!;
    expect(issue.path).toStrictEqual([ENTERPRISE_URN, "manager", "value"]);
    expect(issue.message).toContain(`${ENTERPRISE_URN}:manager.value`);
    expect(issue).toMatchObject({ code: "custom", params: { status: 400, scimType: "invalidValue" } });
  });

  it("RFC 7643 §2.3.2 strict: options give validators that reject lenient forms", () => {
    expect(compileValidators(userIndex, { strict: true }).create.safeParse(body).success).toBe(false);
  });

  it("RFC 7644 §3.5.1 replace: the PUT body shape (readOnly dropped; required immutable may be omitted)", () => {
    expect(compileValidators(userIndex).replace.parse(body)).toStrictEqual({ schemas: [USER_URN], userName: "bjensen", active: true });
    expect(compileValidators(userIndex).replace.safeParse({ schemas: [USER_URN] }).success).toBe(false);
  });

  it("RFC 7643 §3 resource: the returned shape (id, meta required; secrets dropped)", () => {
    const resource = compileValidators(userIndex).resource;
    const parsed = resource.parse(rfcFullUser());
    expect(parsed).not.toHaveProperty("password");
    expect(parsed).toHaveProperty("groups");
    expect(resource.safeParse({ schemas: [USER_URN], userName: "b" }).success).toBe(false);
  });

  it("Standard Schema v1: ~standard.validate returns value or issues, and never throws", async () => {
    const std = compileValidators(userIndex).create["~standard"];
    expect(std.version).toBe(1);
    expect(std.vendor).toBe("zod");
    const ok = await std.validate(body);
    expect(ok).toStrictEqual({ value: { schemas: [USER_URN], userName: "bjensen", active: true } });
    const bad = await std.validate("not an object");
    expect("issues" in bad && bad.issues?.[0]?.message).toContain("JSON object");
  });
});
