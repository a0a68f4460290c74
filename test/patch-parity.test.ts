// Issue "Typed PATCH" item 6: the runtime list of patchable paths equals the type-level table.
import { rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { compile } from "./support/compile.js";
import { GroupResourceType, UserResourceType } from "../src/index.js";
import { AcmeUser, MatrixResourceType } from "./fixtures-matrix.js";

const here = dirname(fileURLToPath(import.meta.url));

describe("RT.patchablePaths() equals keyof the PATCH table of PatchPath<RT>", () => {
  const cases = [
    ["UserResourceType", UserResourceType, "../src/index.js"],
    ["GroupResourceType", GroupResourceType, "../src/index.js"],
    ["MatrixResourceType", MatrixResourceType, "./fixtures-matrix.js"],
    ["AcmeUser", AcmeUser, "./fixtures-matrix.js"],
  ] as const;
  const file = join(here, "patch-parity.generated.ts");
  const source = cases
    .map(([name, rt, from], i) => {
      const list = rt.patchablePaths().map((p) => JSON.stringify(p)).join(" | ");
      return [
        `import type { ${name} as RT${i} } from "${from}";`,
        `type Runtime${i} = ${list};`,
        `type Static${i} = keyof (typeof RT${i})["~"]["patchTable"];`,
        `export const missingAtRuntime${i}: [Exclude<Static${i}, Runtime${i}>] = [undefined as never];`,
        `export const missingInTypes${i}: [Exclude<Runtime${i}, Static${i}>] = [undefined as never];`,
        `export const check${i}: [Static${i}] extends [Runtime${i}] ? ([Runtime${i}] extends [Static${i}] ? true : false) : false = true;`,
      ].join("\n");
    })
    .join("\n");
  writeFileSync(file, source);
  let diagnostics: string[];
  try {
    diagnostics = compile([file]).get(file)!.map((d) => d.message);
  } finally {
    rmSync(file, { force: true });
  }
  it("the generated comparison compiles with no difference in either direction", () => {
    expect(diagnostics).toEqual([]);
  });
  it("the lists are not trivially empty", () => {
    expect(UserResourceType.patchablePaths()).toContain('emails[].value');
    expect(UserResourceType.patchablePaths()).toContain("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value");
    expect(UserResourceType.patchablePaths()).not.toContain("id");
    expect(GroupResourceType.patchablePaths()).toEqual(["externalId", "displayName", "members", "members[]"]);
  });
});
