// Compiles files with the project's tsconfig through the TypeScript API; used by the tests
// that check where compile errors land.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");

export interface Diagnostic {
  line: number;
  code: number;
  message: string;
}

/** Diagnostics per file (1-based lines). */
export function compile(files: string[]): Map<string, Diagnostic[]> {
  const config = ts.getParsedCommandLineOfConfigFile(join(root, "tsconfig.json"), {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    },
  });
  if (!config) throw new Error("tsconfig.json not found");
  const program = ts.createProgram(files, { ...config.options, noEmit: true });
  const result = new Map<string, Diagnostic[]>();
  for (const file of files) {
    const sf = program.getSourceFile(file);
    if (!sf) throw new Error(`not compiled: ${file}`);
    result.set(
      file,
      ts.getPreEmitDiagnostics(program, sf).map((d) => ({
        line: sf.getLineAndCharacterOfPosition(d.start ?? 0).line + 1,
        code: d.code,
        message: ts.flattenDiagnosticMessageText(d.messageText, "\n"),
      })),
    );
  }
  return result;
}
