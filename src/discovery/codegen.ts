import type { AttributeJSON, SchemaJSON } from "../schema/schema-json.js";

/**
 * TypeScript source for one schema declaration: `export const <name> = defineSchema({…})`.
 * Characteristics equal to the RFC default and always written by `toJSON()` are left out;
 * the optional ones are kept exactly as given, so the declaration serialises back to `json`.
 */
export function schemaSource(json: SchemaJSON, constName: string): string {
  const lines = [`export const ${constName} = defineSchema({`];
  lines.push(`  id: ${str(json.id)},`);
  lines.push(`  name: ${str(json.name)},`);
  if (json.description !== undefined) lines.push(`  description: ${str(json.description)},`);
  lines.push("  attributes: {");
  for (const a of json.attributes) lines.push(...attributeSource(a, "    "));
  lines.push("  },");
  lines.push("});");
  return lines.join("\n");
}

function attributeSource(a: AttributeJSON, indent: string): string[] {
  const key = /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(a.name) ? a.name : str(a.name);
  if (a.type !== "complex") return [`${indent}${key}: attr.${a.type}(${optionsSource(a, indent)}),`];
  const opts = optionsSource(a, `${indent}  `);
  const out = [`${indent}${key}: attr.complex(`, `${indent}  {`];
  for (const s of a.subAttributes ?? []) out.push(...attributeSource(s, `${indent}    `));
  out.push(`${indent}  },`);
  if (opts !== "") out.push(`${indent}  ${opts},`);
  out.push(`${indent}),`);
  return out;
}

/** The options object; `indent` is the indentation of the line it opens on. */
function optionsSource(a: AttributeJSON, indent: string): string {
  const entries: string[] = [];
  if (a.multiValued) entries.push("multiValued: true");
  if (a.required) entries.push("required: true");
  if (a.caseExact !== undefined) entries.push(`caseExact: ${a.caseExact}`);
  if (a.mutability !== "readWrite") entries.push(`mutability: ${str(a.mutability)}`);
  if (a.returned !== "default") entries.push(`returned: ${str(a.returned)}`);
  if (a.uniqueness !== undefined) entries.push(`uniqueness: ${str(a.uniqueness)}`);
  if (a.canonicalValues !== undefined) entries.push(`canonicalValues: [${a.canonicalValues.map(str).join(", ")}]`);
  if (a.referenceTypes !== undefined) entries.push(`referenceTypes: [${a.referenceTypes.map(str).join(", ")}]`);
  if (a.description !== undefined) entries.push(`description: ${str(a.description)}`);
  if (entries.length === 0) return "";
  const oneLine = `{ ${entries.join(", ")} }`;
  if (oneLine.length + indent.length <= 100) return oneLine;
  return `{\n${entries.map((e) => `${indent}  ${e},`).join("\n")}\n${indent}}`;
}

function str(value: string): string {
  return JSON.stringify(value);
}
