import { ScimError } from "../errors.js";
import { type AnyResourceType, type ResourceTypeJSON, defineResourceType } from "../resource-type.js";
import { RESERVED_TOP_LEVEL } from "../schema/core/common.js";
import type { AnySchema } from "../schema/define-schema.js";
import type { AttributeJSON, SchemaJSON } from "../schema/schema-json.js";
import type { ExtensionEntry } from "../types/views.js";
import { schemaFromJSON } from "./ingest.js";

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

// ---------------------------------------------------------------------------------------------
// Whole modules: the `scimtype codegen` command.

const RESOURCE_TYPE_URN = "urn:ietf:params:scim:schemas:core:2.0:ResourceType";

/** What {@link moduleSource} produced, besides the source text. */
export interface GeneratedModule {
  /** The TypeScript module. */
  source: string;
  /** The schemas it declares, as their `toJSON()` gives them back (input order). */
  schemas: SchemaJSON[];
  /** The resource types it declares, as their `toJSON()` gives them back (input order). */
  resourceTypes: ResourceTypeJSON[];
  /** Input that is not carried over (an `id` differing from `name`, unknown keys): for stderr. */
  warnings: string[];
}

/**
 * Sorts discovery JSON into schemas and resource types. Accepts, alone or in an array (or
 * several of them, merged): a `/Schemas` or `/ResourceTypes` ListResponse, a bare array of
 * either (RFC 7643 §8.6 prints one), a single schema, a single resource type, or the
 * `{ Schemas, ResourceTypes }` object that `scimtype schemas` prints.
 * @throws ScimError 400 `invalidValue` naming the offending entry
 */
export function splitDiscovery(inputs: readonly unknown[]): { schemas: unknown[]; resourceTypes: unknown[] } {
  const schemas: unknown[] = [];
  const resourceTypes: unknown[] = [];
  const visit = (value: unknown, where: string): void => {
    if (Array.isArray(value)) {
      value.forEach((v, i) => visit(v, `${where}[${i}]`));
      return;
    }
    if (typeof value !== "object" || value === null) {
      throw new ScimError(400, "invalidValue", `${where}: expected a schema, a resource type or a ListResponse; got ${kind(value)}`);
    }
    const o = value as Record<string, unknown>;
    if (Array.isArray(o.Resources)) return visit(o.Resources, `${where}.Resources`);
    if ("Schemas" in o || "ResourceTypes" in o) {
      if (o.Schemas !== undefined) visit(o.Schemas, `${where}.Schemas`);
      if (o.ResourceTypes !== undefined) visit(o.ResourceTypes, `${where}.ResourceTypes`);
      return;
    }
    const declared = Array.isArray(o.schemas) ? o.schemas : [];
    if (declared.includes(RESOURCE_TYPE_URN) || ("endpoint" in o && "schema" in o)) resourceTypes.push(o);
    else if ("attributes" in o) schemas.push(o);
    else {
      throw new ScimError(
        400,
        "invalidValue",
        `${where}: neither a schema (no 'attributes') nor a resource type (no 'endpoint' and 'schema')${"id" in o ? `: ${JSON.stringify(o.id)}` : ""}`,
      );
    }
  };
  inputs.forEach((input, i) => visit(input, inputs.length > 1 ? `input ${i + 1}` : "input"));
  return { schemas, resourceTypes };
}

/**
 * A TypeScript module declaring the given schemas with `defineSchema` and, when resource
 * types are given, each with `defineResourceType`, named by an interface as `src/builtins.ts`
 * does (`export interface User extends UserRT {}`), so hovers and errors say `User`.
 * Everything is validated first with the same code that serves the declarations at run time,
 * so the module compiles under `strict` and its `toJSON()` equals the input (minus `meta`,
 * `schemas` and characteristics unknown to RFC 7643).
 * @throws ScimError 400 `invalidValue` whose detail names the schema and attribute path
 */
export function moduleSource(
  input: { schemas: readonly unknown[]; resourceTypes?: readonly unknown[] },
  options: { importFrom?: string; header?: string } = {},
): GeneratedModule {
  const warnings: string[] = [];
  if (input.schemas.length === 0) throw new ScimError(400, "invalidValue", "No schema in the input");
  const runtime = new Map<string, AnySchema>();
  const schemaJSON: SchemaJSON[] = [];
  // Core schemas of the resource types: some servers list the common attributes (`id`, `meta`…)
  // in them, which a declaration must not (every resource has them, RFC 7643 §3.1).
  const cores = new Set(
    (input.resourceTypes ?? []).flatMap((rt) => {
      const core = typeof rt === "object" && rt !== null ? (rt as { schema?: unknown }).schema : undefined;
      return typeof core === "string" ? [core.toLowerCase()] : [];
    }),
  );
  for (const json of input.schemas) {
    const id = typeof json === "object" && json !== null ? (json as { id?: unknown }).id : undefined;
    let schema: AnySchema;
    try {
      schema = schemaFromJSON(json);
      if (cores.has(schema.id.toLowerCase())) {
        const full = schema.toJSON();
        const common = full.attributes.filter((a) => RESERVED_TOP_LEVEL.has(a.name.toLowerCase()));
        if (common.length > 0) {
          warnings.push(
            `Schema '${schema.id}': ${common.map((a) => `'${a.name}'`).join(", ")} not carried over (common attributes of every resource, RFC 7643 §3.1)`,
          );
          schema = schemaFromJSON({ ...full, attributes: full.attributes.filter((a) => !common.includes(a)) });
        }
      }
    } catch (error) {
      throw withContext(error, typeof id === "string" ? `Schema '${id}'` : "A schema");
    }
    if (runtime.has(schema.id.toLowerCase())) throw new ScimError(400, "invalidValue", `Schema '${schema.id}' appears twice`);
    runtime.set(schema.id.toLowerCase(), schema);
    schemaJSON.push(schema.toJSON());
    warnings.push(...unknownKeys(json as Record<string, unknown>, SCHEMA_KEYS, `Schema '${schema.id}'`));
  }

  const used = new Set(["attr", "defineSchema", "defineResourceType"]);
  const schemaConst = new Map<string, string>();
  for (const s of schemaJSON) schemaConst.set(s.id.toLowerCase(), unique(`${pascal(s.name)}Schema`, used));

  const rtJSON: ResourceTypeJSON[] = [];
  const rtNames: { local: string; iface: string; exported: string; rtAlias: string }[] = [];
  const seenRT = new Set<string>();
  for (const [i, json] of (input.resourceTypes ?? []).entries()) {
    const rt = checkResourceType(json, i, runtime, warnings);
    if (seenRT.has(rt.name.toLowerCase())) throw new ScimError(400, "invalidValue", `Resource type '${rt.name}' appears twice`);
    seenRT.add(rt.name.toLowerCase());
    rtJSON.push(rt);
    const base = pascal(rt.name);
    const iface = unique(base, used);
    rtNames.push({
      iface,
      rtAlias: unique(`${iface}RT`, used),
      local: unique(`${base.charAt(0).toLowerCase()}${base.slice(1)}ResourceType`, used),
      exported: unique(`${base}ResourceType`, used),
    });
  }

  const imports = ["attr", "defineSchema", ...(rtJSON.length > 0 ? ["defineResourceType"] : [])];
  const out: string[] = [];
  if (options.header !== undefined) out.push(...options.header.split("\n").map((l) => `// ${l}`.trimEnd()));
  out.push(`import { ${imports.join(", ")} } from ${str(options.importFrom ?? "scimtype")};`, "");
  for (const s of schemaJSON) {
    out.push(`/** ${docText(s.description ?? s.name)} (\`${s.id}\`) */`);
    out.push(schemaSource(s, schemaConst.get(s.id.toLowerCase())!), "");
  }
  for (const [i, rt] of rtJSON.entries()) {
    const n = rtNames[i]!;
    out.push(`const ${n.local} = defineResourceType({`);
    out.push(`  name: ${str(rt.name)},`, `  endpoint: ${str(rt.endpoint)},`);
    if (rt.description !== undefined) out.push(`  description: ${str(rt.description)},`);
    out.push(`  schema: ${schemaConst.get(rt.schema.toLowerCase())!},`);
    if (rt.schemaExtensions !== undefined) {
      out.push("  extensions: [");
      for (const e of rt.schemaExtensions) {
        out.push(`    { schema: ${schemaConst.get(e.schema.toLowerCase())!}, required: ${e.required} },`);
      }
      out.push("  ],");
    }
    out.push("});", `type ${n.rtAlias} = typeof ${n.local};`);
    // An interface, not an alias, so hovers and compiler messages say the resource type's name.
    const doc = `/** ${docText(rt.description ?? rt.name)}: the \`${rt.name}\` resource type at \`${rt.endpoint}\`. */`;
    out.push(doc, `export interface ${n.iface} extends ${n.rtAlias} {}`);
    out.push(doc, `export const ${n.exported}: ${n.iface} = ${n.local};`, "");
  }
  return { source: `${out.join("\n").trimEnd()}\n`, schemas: schemaJSON, resourceTypes: rtJSON, warnings };
}

const SCHEMA_KEYS = new Set(["schemas", "id", "name", "description", "attributes", "meta"]);
const RESOURCE_TYPE_KEYS = new Set(["schemas", "id", "name", "description", "endpoint", "schema", "schemaExtensions", "meta"]);

/** Validates one `/ResourceTypes` entry against the schemas and returns what `toJSON()` will give. */
function checkResourceType(
  json: unknown,
  index: number,
  schemas: ReadonlyMap<string, AnySchema>,
  warnings: string[],
): ResourceTypeJSON {
  const o = json as Record<string, unknown>;
  const where = typeof o.name === "string" ? `Resource type '${o.name}'` : `Resource type ${index + 1}`;
  const fail = (message: string): never => {
    throw new ScimError(400, "invalidValue", `${where}: ${message}`);
  };
  if (typeof o.name !== "string") fail("name must be a string");
  if (typeof o.schema !== "string") fail("schema must be a schema URI");
  const core = schemas.get((o.schema as string).toLowerCase()) ?? fail(`its schema '${String(o.schema)}' is not in the /Schemas input`);
  const extensions: ExtensionEntry[] = [];
  if (o.schemaExtensions !== undefined) {
    if (!Array.isArray(o.schemaExtensions)) fail("schemaExtensions must be an array");
    for (const [i, e] of (o.schemaExtensions as unknown[]).entries()) {
      const ext = e as Record<string, unknown> | null;
      if (typeof ext !== "object" || ext === null || typeof ext.schema !== "string") fail(`schemaExtensions[${i}].schema must be a schema URI`);
      const schema = schemas.get((ext!.schema as string).toLowerCase()) ?? fail(`its extension '${String(ext!.schema)}' is not in the /Schemas input`);
      // RFC 7643 §6: `required` is REQUIRED; a server that leaves it out gets the lenient reading, with a warning.
      if (typeof ext!.required !== "boolean") warnings.push(`${where}: schemaExtensions[${i}].required is missing; taken as false`);
      extensions.push({ schema, required: ext!.required === true });
    }
  }
  if (o.id !== undefined && o.id !== o.name) {
    warnings.push(`${where}: id ${JSON.stringify(o.id)} is not kept (a declared resource type's id is its name)`);
  }
  warnings.push(...unknownKeys(o, RESOURCE_TYPE_KEYS, where));
  let rt: AnyResourceType;
  try {
    rt = defineResourceType({
      name: o.name as string,
      endpoint: o.endpoint as string,
      ...(o.description !== undefined ? { description: o.description as string } : {}),
      schema: core,
      extensions,
    });
  } catch (error) {
    throw withContext(error, "");
  }
  return rt.toJSON();
}

function unknownKeys(o: Record<string, unknown>, known: ReadonlySet<string>, where: string): string[] {
  const extra = Object.keys(o).filter((k) => !known.has(k));
  return extra.length === 0 ? [] : [`${where}: ${extra.map((k) => `'${k}'`).join(", ")} not carried over (not an RFC 7643 characteristic)`];
}

function withContext(error: unknown, context: string): unknown {
  if (!ScimError.is(error) || context === "" || error.detail.startsWith(context)) return error;
  return new ScimError(error.status, error.scimType, `${context}: ${error.detail}`, { cause: error });
}

/** A PascalCase identifier from a schema or resource type name ("Enterprise User" → EnterpriseUser). */
function pascal(name: string): string {
  const words = name.split(/[^A-Za-z0-9]+/).filter((w) => w !== "");
  const joined = words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join("");
  return joined === "" ? "Unnamed" : /^[0-9]/.test(joined) ? `_${joined}` : joined;
}

/** `name`, or `name2`, `name3` … when taken; records the result. */
function unique(name: string, used: Set<string>): string {
  let candidate = name;
  for (let n = 2; used.has(candidate); n++) candidate = `${name}${n}`;
  used.add(candidate);
  return candidate;
}

function docText(text: string): string {
  // A description may contain "*/" (or newlines), which would end the comment early.
  return text.replace(/\*\//g, "*\\/").replace(/\s+/g, " ").trim();
}

function kind(value: unknown): string {
  return value === null ? "null" : Array.isArray(value) ? "an array" : typeof value;
}
