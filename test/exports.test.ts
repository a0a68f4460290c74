// Issue "Foundation" done-when: the public names import from the built ESM and CJS entry points,
// through the package's own `exports` map, with types (npm test builds dist/ first).
import { execFileSync } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const NAMES = [
  "attr",
  "defineSchema",
  "defineResourceType",
  "UserSchema",
  "GroupSchema",
  "EnterpriseUserSchema",
  "UserResourceType",
  "GroupResourceType",
  "discovery",
  "schemaFromJSON",
  "ScimError",
  "patch",
  "parseFilter",
  "parsePath",
];

const run = (args: string[]) => execFileSync(process.execPath, args, { cwd: root, encoding: "utf8" });

describe("package entry points (dist/)", () => {
  it("ESM: import { … } from 'scimtype'", () => {
    const out = run(["--input-type=module", "-e", `import * as m from "scimtype"; console.log(JSON.stringify(${JSON.stringify(NAMES)}.filter((n) => m[n] === undefined)));`]);
    expect(JSON.parse(out)).toEqual([]);
  });
  it("CJS: require('scimtype'), and a ScimError from one bundle is recognised by the other", () => {
    const out = run([
      "-e",
      `const m = require("scimtype"); const names = ${JSON.stringify(NAMES)};
       import("scimtype").then((esm) => {
         const e = new m.ScimError(400, "mutability", "x");
         console.log(JSON.stringify({ missing: names.filter((n) => m[n] === undefined), brand: esm.ScimError.is(e), user: m.UserResourceType.name }));
       });`,
    ]);
    expect(JSON.parse(out)).toEqual({ missing: [], brand: true, user: "User" });
  });
  it("scimtype/server resolves in both formats", () => {
    expect(run(["--input-type=module", "-e", `import { createDiscoveryRoutes } from "scimtype/server"; console.log(typeof createDiscoveryRoutes);`]).trim()).toBe("function");
    expect(run(["-e", `console.log(typeof require("scimtype/server").createDiscoveryRoutes)`]).trim()).toBe("function");
  });
  it("types resolve for ESM (.ts) and CJS (.cts) consumers under nodenext", () => {
    const esm = join(root, "test", "exports-consumer.generated.ts");
    const cjs = join(root, "test", "exports-consumer.generated.cts");
    const source = `import { ${NAMES.join(", ")} } from "scimtype";\nimport type { ScimResource, User } from "scimtype";\nexport const n: string = UserResourceType.name;\nexport type R = ScimResource<User>["userName"];\nexport const all = [${NAMES.join(", ")}];\n`;
    writeFileSync(esm, source);
    writeFileSync(cjs, source);
    try {
      const program = ts.createProgram([esm, cjs], {
        strict: true,
        module: ts.ModuleKind.NodeNext,
        moduleResolution: ts.ModuleResolutionKind.NodeNext,
        target: ts.ScriptTarget.ES2022,
        skipLibCheck: true,
        noEmit: true,
        types: [],
      });
      const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
      expect(diagnostics).toEqual([]);
      const files = program.getSourceFiles().map((f) => f.fileName);
      expect(files.some((f) => f.endsWith("dist/index.d.ts"))).toBe(true);
      expect(files.some((f) => f.endsWith("dist/index.d.cts"))).toBe(true);
    } finally {
      rmSync(esm, { force: true });
      rmSync(cjs, { force: true });
    }
  });
});
