// The README's comparison table, row by row: the same inputs through scimtype, scimmy and
// scim-patch (dev dependencies, the versions in package-lock.json). If a peer changes
// behaviour, this fails and the table must be updated.
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { scimPatch } from "scim-patch";
import SCIMMY from "scimmy";
import { describe, expect, it } from "vitest";
import { GroupResourceType, ScimError, UserResourceType } from "../src/index.js";
import { compile } from "./support/compile.js";
import { root } from "./support/cli.js";

const PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
const user = () => ({
  schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
  id: "2819c223",
  userName: "bjensen",
  active: true,
  meta: { resourceType: "User", created: "2020-01-01T00:00:00Z", lastModified: "2020-01-01T00:00:00Z" },
});
const group = () => ({
  schemas: ["urn:ietf:params:scim:schemas:core:2.0:Group"],
  id: "g1",
  displayName: "Tour Guides",
  members: [{ value: "u1", display: "Babs" }, { value: "u2" }],
});
type Op = { op: string; path: string; value?: unknown };
type Outcome = { applied: Record<string, unknown> } | { error: string };

function viaScimtype(rt: typeof UserResourceType | typeof GroupResourceType, resource: Record<string, unknown>, ops: Op[]): Outcome {
  try {
    return { applied: rt.applyPatch(resource, { schemas: [PATCH_OP], Operations: ops }).resource as Record<string, unknown> };
  } catch (error) {
    return { error: ScimError.is(error) ? `${error.status} ${error.scimType}` : `not a SCIM error: ${(error as Error).name}` };
  }
}
async function viaScimmy(kind: "User" | "Group", resource: Record<string, unknown>, ops: Op[]): Promise<Outcome> {
  try {
    const schema = kind === "User" ? new SCIMMY.Schemas.User(resource, "out") : new SCIMMY.Schemas.Group(resource, "out");
    const result = await new SCIMMY.Messages.PatchOp({ schemas: [PATCH_OP], Operations: ops as never }).apply(schema);
    return { applied: JSON.parse(JSON.stringify(result)) as Record<string, unknown> };
  } catch (error) {
    const e = error as { status?: number; scimType?: string; name: string };
    return { error: e instanceof SCIMMY.Types.Error ? `${e.status} ${e.scimType}` : `not a SCIM error: ${e.name}` };
  }
}
function viaScimPatch(resource: Record<string, unknown>, ops: Op[]): Outcome {
  try {
    return { applied: scimPatch(resource as never, ops as never, { mutateDocument: false }) as Record<string, unknown> };
  } catch (error) {
    return { error: (error as Error).name };
  }
}

describe("README comparison table", () => {
  it("a PATCH of readOnly `id` type-checks: scimtype no (compile error), scimmy yes, scim-patch yes", () => {
    const file = join(root, "test", "docs-peers.generated.ts");
    writeFileSync(
      file,
      [
        'import { patch, UserResourceType } from "../src/index.js";',
        'import SCIMMY from "scimmy";',
        'import type { ScimPatchOperation } from "scim-patch";',
        'const viaScimmy = new SCIMMY.Messages.PatchOp({ schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], Operations: [{ op: "replace", path: "id", value: "x" }] });',
        'const viaScimPatch: ScimPatchOperation[] = [{ op: "replace", path: "id", value: "x" }];',
        'patch(UserResourceType).replace("id", "x");',
        "export { viaScimmy, viaScimPatch };",
        "",
      ].join("\n"),
    );
    try {
      expect(compile([file]).get(file)!.map((d) => [d.line, d.code])).toEqual([[6, 2345]]);
    } finally {
      rmSync(file, { force: true });
    }
  });

  it("PATCH replacing readOnly `id`: 400 mutability, 400 mutability, applied", async () => {
    const ops = [{ op: "replace", path: "id", value: "x" }];
    expect(viaScimtype(UserResourceType, user(), ops)).toEqual({ error: "400 mutability" });
    expect(await viaScimmy("User", user(), ops)).toEqual({ error: "400 mutability" });
    expect(viaScimPatch(user(), ops)).toMatchObject({ applied: { id: "x" } });
  });

  it("PATCH replacing readOnly `meta.created`: 400 mutability, an exception that is not a SCIM error, applied", async () => {
    const ops = [{ op: "replace", path: "meta.created", value: "2030-01-01T00:00:00Z" }];
    expect(viaScimtype(UserResourceType, user(), ops)).toEqual({ error: "400 mutability" });
    expect(await viaScimmy("User", user(), ops)).toMatchObject({ error: expect.stringMatching(/^not a SCIM error/) });
    expect(viaScimPatch(user(), ops)).toMatchObject({ applied: { meta: { created: "2030-01-01T00:00:00Z" } } });
  });

  it("PATCH changing a Group member's immutable `display`: 400 mutability, applied, applied", async () => {
    const ops = [{ op: "replace", path: 'members[value eq "u1"].display', value: "X" }];
    expect(viaScimtype(GroupResourceType, group(), ops)).toEqual({ error: "400 mutability" });
    expect(await viaScimmy("Group", group(), ops)).toMatchObject({ applied: { members: [{ value: "u1", display: "X" }, { value: "u2" }] } });
    expect(viaScimPatch(group(), ops)).toMatchObject({ applied: { members: [{ value: "u1", display: "X" }, { value: "u2" }] } });
  });

  it('Entra ID\'s `{"op":"Replace","path":"active","value":"False"}`: false, 400 invalidValue, the string "False" stored', async () => {
    const ops = [{ op: "Replace", path: "active", value: "False" }];
    expect(viaScimtype(UserResourceType, user(), ops)).toMatchObject({ applied: { active: false } });
    expect(await viaScimmy("User", user(), ops)).toEqual({ error: "400 invalidValue" });
    expect(viaScimPatch(user(), ops)).toMatchObject({ applied: { active: "False" } });
  });

  it("Entra ID's remove of `members` with a value array, the stored member having a `display`: removed, removed, left in place", async () => {
    const ops = [{ op: "Remove", path: "members", value: [{ value: "u1" }] }];
    expect(viaScimtype(GroupResourceType, group(), ops)).toMatchObject({ applied: { members: [{ value: "u2" }] } });
    expect(await viaScimmy("Group", group(), ops)).toMatchObject({ applied: { members: [{ value: "u2" }] } });
    // scim-patch compares whole member objects, so `{ value: "u1" }` does not match `{ value: "u1", display: "Babs" }`.
    expect(viaScimPatch(group(), ops)).toMatchObject({ applied: { members: [{ value: "u1", display: "Babs" }, { value: "u2" }] } });
  });

  it('filter `userName eq "BJENSEN"` on "bjensen" (userName is not caseExact, RFC 7643 §4.1.1): scimtype matches, scimmy does not', () => {
    const users = [user()];
    expect(users.filter(UserResourceType.matches('userName eq "BJENSEN"'))).toHaveLength(1);
    expect(new SCIMMY.Types.Filter('userName eq "BJENSEN"').match(users)).toHaveLength(0);
  });
});
