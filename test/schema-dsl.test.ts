import { describe, expect, it } from "vitest";
import {
  attr,
  defineResourceType,
  defineSchema,
  EnterpriseUserSchema,
  GroupResourceType,
  GroupSchema,
  ScimError,
  schemaFromJSON,
  UserResourceType,
  UserSchema,
} from "../src/index.js";
import { EmployeeSchema, MatrixSchema } from "./fixtures-matrix.js";
import { catchScimError as scimError } from "./support/scim-error.js";


describe("RFC 7643 §7 attribute defaults", () => {
  it("§7: omitted characteristics take readWrite, default, none, not required, not caseExact, single-valued", () => {
    const a = attr.string();
    expect(a).toMatchObject({
      type: "string",
      multiValued: false,
      required: false,
      caseExact: false,
      mutability: "readWrite",
      returned: "default",
      uniqueness: "none",
    });
  });
  it("§2.3.6/§2.3.7: binary and reference are case exact by default", () => {
    expect(attr.binary().caseExact).toBe(true);
    expect(attr.reference().caseExact).toBe(true);
    expect(attr.reference({ caseExact: false }).caseExact).toBe(false);
  });
  it("declarations are frozen", () => {
    const a = attr.string({ canonicalValues: ["a"] });
    expect(Object.isFrozen(a)).toBe(true);
    expect(Object.isFrozen(a.canonicalValues)).toBe(true);
  });
});

describe("definition errors are 400 invalidValue naming the attribute", () => {
  it("§2.3.8: a complex sub-attribute inside a complex attribute is rejected at run time", () => {
    const inner = attr.complex({ a: attr.string() });
    // @ts-expect-error -- the compile-time rejection; here we check the run-time one
    const e = scimError(() => attr.complex({ inner }));
    expect(e.status).toBe(400);
    expect(e.scimType).toBe("invalidValue");
    expect(e.detail).toContain("§2.3.8");
  });
  it("§2.1 ATTRNAME: names must start with a letter and hold letters, digits, '-' or '_'; $ref is allowed", () => {
    for (const bad of ["1title", "na me", "name.sub", "", "ü", "a$b"]) {
      const e = scimError(() => defineSchema({ id: "urn:x:y", name: "X", attributes: { [bad]: attr.string() } }));
      expect(e.detail).toContain(`'${bad}'`);
    }
    expect(() => defineSchema({ id: "urn:x:y", name: "X", attributes: { c: attr.complex({ $ref: attr.reference() }) } })).not.toThrow();
    expect(() => defineSchema({ id: "urn:x:y", name: "X", attributes: { "x-y_z9": attr.string() } })).not.toThrow();
  });
  it("__proto__, constructor and prototype are rejected, in any case and at any level", () => {
    for (const bad of ["constructor", "prototype", "Constructor", "PROTOTYPE"]) {
      expect(scimError(() => defineSchema({ id: "urn:x:y", name: "X", attributes: { [bad]: attr.string() } })).detail).toContain("reserved");
      expect(scimError(() => attr.complex({ [bad]: attr.string() })).detail).toContain("reserved");
    }
    const proto = JSON.parse('{"__proto__": 1}') as Record<string, never>;
    const attributes = Object.defineProperty({}, "__proto__", { value: attr.string(), enumerable: true });
    expect(scimError(() => defineSchema({ id: "urn:x:y", name: "X", attributes })).detail).toContain("reserved");
    expect(Object.keys(proto)).toEqual(["__proto__"]);
  });
  it("§2.1: names differing only in case are rejected", () => {
    expect(scimError(() => defineSchema({ id: "urn:x:y", name: "X", attributes: { title: attr.string(), Title: attr.string() } })).detail).toContain("differ only in case");
    expect(scimError(() => attr.complex({ value: attr.string(), VALUE: attr.string() })).detail).toContain("differ only in case");
  });
  it("§7: a schema id must be a URI", () => {
    for (const bad of ["User", "", "urn x", "1urn:x"]) {
      expect(scimError(() => defineSchema({ id: bad, name: "X", attributes: {} })).detail).toContain("not a URI");
    }
  });
  it("unknown or ill-typed characteristics are rejected", () => {
    // @ts-expect-error -- checked at run time too
    expect(scimError(() => attr.string({ mutable: true })).detail).toContain("unknown characteristic 'mutable'");
    // @ts-expect-error -- checked at run time too
    expect(scimError(() => attr.string({ mutability: "readwrite" })).detail).toContain("mutability must be one of");
  });
  it("§3.1: a core schema may not redeclare id, externalId, meta or schemas", () => {
    const s = defineSchema({ id: "urn:x:y", name: "X", attributes: { externalID: attr.string() } });
    expect(scimError(() => defineResourceType({ name: "X", endpoint: "/X", schema: s })).detail).toContain("externalID");
  });
  it("resource types: endpoint is one path segment, extensions are unique", () => {
    expect(scimError(() => defineResourceType({ name: "X", endpoint: "Users", schema: UserSchema })).detail).toContain("endpoint");
    expect(
      scimError(() =>
        defineResourceType({
          name: "X",
          endpoint: "/X",
          schema: UserSchema,
          extensions: [
            { schema: EnterpriseUserSchema, required: false },
            { schema: EnterpriseUserSchema, required: true },
          ],
        }),
      ).detail,
    ).toContain("listed twice");
  });
});

describe("RFC 7643 §6 ResourceType representation", () => {
  it("§8.6 User: schema and schemaExtensions (the built-in makes the enterprise extension optional)", () => {
    expect(UserResourceType.toJSON()).toEqual({
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:ResourceType"],
      id: "User",
      name: "User",
      endpoint: "/Users",
      description: "User Account",
      schema: "urn:ietf:params:scim:schemas:core:2.0:User",
      schemaExtensions: [{ schema: "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User", required: false }],
    });
  });
  it("§8.6 Group: no schemaExtensions key", () => {
    expect(GroupResourceType.toJSON()).toEqual({
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:ResourceType"],
      id: "Group",
      name: "Group",
      endpoint: "/Groups",
      description: "Group",
      schema: "urn:ietf:params:scim:schemas:core:2.0:Group",
    });
  });
});

describe("schemaFromJSON: ingest a /Schemas entry", () => {
  const roundTrip = (json: unknown) => JSON.parse(JSON.stringify(schemaFromJSON(json).toJSON()));
  it("round-trips the RFC built-ins and a schema with every characteristic exactly", () => {
    for (const s of [UserSchema, GroupSchema, EnterpriseUserSchema, MatrixSchema, EmployeeSchema]) {
      const json = JSON.parse(JSON.stringify(s.toJSON()));
      expect(roundTrip(json)).toStrictEqual(json);
    }
  });
  it("ignores schemas and meta of a served entry", () => {
    const json = { schemas: ["urn:ietf:params:scim:schemas:core:2.0:Schema"], ...GroupSchema.toJSON(), meta: { resourceType: "Schema" } };
    expect(roundTrip(json)).toStrictEqual(JSON.parse(JSON.stringify(GroupSchema.toJSON())));
  });
  it("works as a core schema and as an extension of a resource type", () => {
    const core = schemaFromJSON(GroupSchema.toJSON());
    const ext = schemaFromJSON(EmployeeSchema.toJSON());
    const rt = defineResourceType({ name: "Team", endpoint: "/Teams", schema: core, extensions: [{ schema: ext, required: false }] });
    expect(rt.toJSON().schemaExtensions).toEqual([{ schema: EmployeeSchema.id, required: false }]);
    expect(rt.patchablePaths()).toContain(`${EmployeeSchema.id}:costCenter`);
  });
  it("invalid input is 400 invalidValue with a detail naming the attribute path", () => {
    const base = GroupSchema.toJSON();
    const cases: [unknown, string][] = [
      [null, "JSON object"],
      [{ ...base, id: "Group" }, "not a URI"],
      [{ ...base, attributes: "x" }, "attributes must be an array"],
      [{ ...base, attributes: [{ name: "x", type: "text" }] }, "Attribute 'x': type must be one of"],
      [{ ...base, attributes: [{ name: "1x", type: "string" }] }, "'1x'"],
      [{ ...base, attributes: [{ name: "x", type: "string", required: "yes" }] }, "Attribute 'x': required must be a boolean"],
      [{ ...base, attributes: [{ name: "members", type: "complex", subAttributes: [{ name: "deep", type: "complex", subAttributes: [] }] }] }, "Attribute 'members.deep'"],
      [{ ...base, attributes: [{ name: "members", type: "complex", subAttributes: [{ name: "value", type: "string", mutability: "sometimes" }] }] }, "Attribute 'members.value': mutability"],
      [{ ...base, attributes: [{ name: "x", type: "string" }, { name: "X", type: "string" }] }, "'X'"],
      [{ ...base, attributes: [{ name: "x", type: "complex" }] }, "subAttributes array"],
      [{ ...base, attributes: [{ name: "x", type: "string", subAttributes: [] }] }, "has no subAttributes"],
    ];
    for (const [json, detail] of cases) {
      const e = scimError(() => schemaFromJSON(json));
      expect(e.status).toBe(400);
      expect(e.scimType).toBe("invalidValue");
      expect(e.detail).toContain(detail);
    }
  });
});

describe("RFC 7644 §3.12 ScimError", () => {
  it("toJSON() is the error body with status as a string", () => {
    expect(new ScimError(400, "mutability", "Attribute 'id' is readOnly").toJSON()).toEqual({
      schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"],
      status: "400",
      scimType: "mutability",
      detail: "Attribute 'id' is readOnly",
    });
    expect(new ScimError(404, undefined, "not found").toJSON()).toEqual({
      schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"],
      status: "404",
      detail: "not found",
    });
  });
  it("is recognised by brand, not only instanceof (each bundle has its own class)", () => {
    const foreign = Object.assign(Object.create(Error.prototype), { status: 400 });
    Object.defineProperty(foreign, Symbol.for("scimtype.ScimError"), { value: true });
    expect(ScimError.is(foreign)).toBe(true);
    expect(ScimError.is(new Error("x"))).toBe(false);
    expect(ScimError.is(null)).toBe(false);
    expect(ScimError.is(new ScimError(409, "uniqueness", "taken"))).toBe(true);
  });
});
