import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  EnterpriseUserSchema,
  GroupResourceType,
  GroupSchema,
  ResourceTypeSchema,
  ServiceProviderConfigSchema,
  UserResourceType,
  UserSchema,
  discovery,
} from "../src/index.js";

const corrected = (name: string) =>
  JSON.parse(
    readFileSync(fileURLToPath(new URL(`../../shared/rfc7643/corrected/${name}.json`, import.meta.url)), "utf8"),
  ) as Record<string, unknown>;

function withoutMeta(json: Record<string, unknown>) {
  const { meta: _meta, ...rest } = json;
  return rest;
}

describe("RFC 7643 §8.7 built-in schemas equal the corrected figures (errata applied)", () => {
  const cases = [
    ["User", UserSchema],
    ["Group", GroupSchema],
    ["EnterpriseUser", EnterpriseUserSchema],
    ["ResourceType", ResourceTypeSchema],
    ["ServiceProviderConfig", ServiceProviderConfigSchema],
  ] as const;
  for (const [file, schema] of cases) {
    it(`§8.7 ${file}: toJSON() deep-equals corrected/${file}.json in every characteristic`, () => {
      // JSON round-trip so that an undefined-valued key would count as a difference.
      expect(JSON.parse(JSON.stringify(schema.toJSON()))).toStrictEqual(withoutMeta(corrected(file)));
    });
  }

  it("§8.7.1 /Schemas entries carry schemas and meta.location under the base URL", () => {
    const docs = discovery({ resourceTypes: [UserResourceType, GroupResourceType], baseUrl: "/v2" });
    const byId = new Map(docs.schemas.Resources.map((r) => [r.id, r]));
    for (const file of ["User", "Group", "EnterpriseUser"]) {
      const expected = corrected(file);
      const actual = byId.get(expected.id as string);
      expect(actual).toBeDefined();
      expect(JSON.parse(JSON.stringify(actual))).toStrictEqual({
        schemas: ["urn:ietf:params:scim:schemas:core:2.0:Schema"],
        ...expected,
      });
    }
    expect(docs.schemas.totalResults).toBe(3);
  });

  it("a change to one characteristic is caught by the comparison", () => {
    const json = JSON.parse(JSON.stringify(UserSchema.toJSON()));
    json.attributes[0].caseExact = true;
    expect(json).not.toStrictEqual(withoutMeta(corrected("User")));
  });
});
