import { describe, expect, it } from "vitest";
import type { ResolvedAttribute, ResourceIndex } from "../src/schema/schema-index.js";
import { contextKeys, parseCreate, parseReplaceBody, parseResource } from "../src/validate/index.js";
import { GADGET_KEYS, GROUP_KEYS, USER_KEYS } from "./validate-parity.keys.js";
import { gadgetIndex, groupIndex, scimError, userIndex } from "./validate-fixtures.js";

const SAMPLE: Record<string, unknown> = {
  string: "x",
  reference: "https://example.com/x",
  boolean: true,
  decimal: 1.5,
  integer: 1,
  dateTime: "2020-01-01T00:00:00Z",
  binary: "TWFu",
};

function sample(resolved: ResolvedAttribute): unknown {
  const one = resolved.subAttributes
    ? Object.fromEntries([...resolved.subAttributes.values()].map((s) => [s.name, sample(s)]))
    : SAMPLE[resolved.attribute.type];
  return resolved.attribute.multiValued ? [one] : one;
}

/** A body carrying every attribute of the resource type, readOnly and writeOnly ones included. */
function everything(index: ResourceIndex): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const a of index.attributes.values()) body[a.name] = sample(a);
  body.schemas = [index.coreSchemaId, ...[...index.extensions.values()].map((e) => e.schema.id)];
  for (const ext of index.extensions.values()) {
    body[ext.schema.id] = Object.fromEntries([...ext.attributes.values()].map((a) => [a.name, sample(a)]));
  }
  return body;
}

const sorted = (keys: readonly string[]) => [...keys].sort();

const cases = [
  ["User", userIndex, USER_KEYS],
  ["Group", groupIndex, GROUP_KEYS],
  ["Gadget (every mutability × returned)", gadgetIndex, GADGET_KEYS],
] as const;

describe("parity: runtime keys per context equal the type-level views (CreateInput, ReplaceInput, ScimResource)", () => {
  for (const [name, index, keys] of cases) {
    it(`RFC 7644 §3.3 ${name}: contextKeys("create") and ("replace") equal CreateInput / ReplaceInput`, () => {
      for (const context of ["create", "replace"] as const) {
        const runtime = contextKeys(index, context);
        expect(sorted(runtime.required)).toStrictEqual(sorted(keys.input.required));
        expect(sorted(runtime.optional)).toStrictEqual(sorted(keys.input.optional));
      }
    });

    it(`RFC 7643 §3 ${name}: contextKeys("resource") equals ScimResource`, () => {
      const runtime = contextKeys(index, "resource");
      expect(sorted(runtime.required)).toStrictEqual(sorted(keys.resource.required));
      expect(sorted(runtime.optional)).toStrictEqual(sorted(keys.resource.optional));
    });

    it(`RFC 7644 §3.3 ${name}: parseCreate keeps exactly the CreateInput keys, and each required one is required`, () => {
      const body = everything(index);
      const all = [...keys.input.required, ...keys.input.optional];
      expect(sorted(Object.keys(parseCreate(index, body)))).toStrictEqual(sorted(all));
      expect(sorted(Object.keys(parseReplaceBody(index, body)))).toStrictEqual(sorted(all));
      for (const key of keys.input.required) {
        const { [key]: _omitted, ...rest } = body;
        expect(scimError(() => parseCreate(index, rest)).scimType, key).toBe("invalidValue");
      }
    });

    it(`RFC 7643 §3 ${name}: the resource validator keeps exactly the ScimResource keys, and each required one is required`, () => {
      const body = everything(index);
      const all = [...keys.resource.required, ...keys.resource.optional];
      expect(sorted(Object.keys(parseResource(index, body)))).toStrictEqual(sorted(all));
      for (const key of keys.resource.required) {
        const { [key]: _omitted, ...rest } = body;
        expect(scimError(() => parseResource(index, rest)).scimType, key).toBe("invalidValue");
      }
    });
  }
});
