import { ScimError } from "./errors.js";
import type { AnySchema } from "./schema/define-schema.js";
import { RESERVED_TOP_LEVEL } from "./schema/core/common.js";
import { isSchema } from "./schema/define-schema.js";
import { patchablePaths } from "./patch/patchable-paths.js";
import { type ResourceIndex, buildResourceIndex } from "./schema/schema-index.js";
import type { PatchPath } from "./types/patch-path.js";
import type { ExtensionEntry, ResourceTypeTypes } from "./types/views.js";

export const RESOURCE_TYPE_URN = "urn:ietf:params:scim:schemas:core:2.0:ResourceType" as const;

/** A resource type as `/ResourceTypes` represents it (RFC 7643 §6). */
export interface ResourceTypeJSON {
  schemas: [typeof RESOURCE_TYPE_URN];
  id: string;
  name: string;
  endpoint: string;
  description?: string;
  schema: string;
  schemaExtensions?: { schema: string; required: boolean }[];
}

/**
 * A resource type (RFC 7643 §6): a core schema, its extensions and an endpoint. The methods
 * are the runtime services compiled from the same declaration as its types.
 */
export interface ResourceType<
  N extends string = string,
  S extends AnySchema = AnySchema,
  E extends readonly ExtensionEntry[] = readonly ExtensionEntry[],
> {
  readonly name: N;
  readonly endpoint: string;
  readonly description: string | undefined;
  readonly schema: S;
  readonly extensions: E;
  /** Type-only: never present at run time. */
  readonly "~": ResourceTypeTypes<S, E>;
  /** The RFC 7643 §6 representation (without `meta`, which `discovery()` adds). */
  toJSON(): ResourceTypeJSON;
  /**
   * The paths a typed PATCH may touch, `[]` standing for a value filter: the runtime twin of
   * {@link PatchPath} (readWrite and writeOnly only; nothing under a readOnly or immutable parent).
   */
  patchablePaths(): string[];
}

/** The loose constraint for generic entry points (TYPES.md technique 2). */
export interface AnyResourceType {
  readonly name: string;
  readonly endpoint: string;
  readonly schema: AnySchema;
  readonly extensions: readonly ExtensionEntry[];
  // biome-ignore lint: the loose constraint is the point
  readonly "~": any;
  toJSON(): ResourceTypeJSON;
}

/** The declaration `defineResourceType` takes. */
export interface ResourceTypeDefinition<N extends string, S extends AnySchema, E extends readonly ExtensionEntry[]> {
  /** The resource type name, e.g. `User`; also its `id` in `/ResourceTypes`. */
  readonly name: N;
  /** The endpoint relative to the base URL, e.g. `/Users`. */
  readonly endpoint: string;
  readonly description?: string;
  readonly schema: S;
  readonly extensions?: E;
}

const RT_BRAND = Symbol.for("scimtype.ResourceType");
const indexes = new WeakMap<object, ResourceIndex>();

/** True for a resource type made by `defineResourceType`. */
export function isResourceType(value: unknown): value is ResourceType {
  return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[RT_BRAND] === true;
}

/** The compiled attribute index of a resource type, built on first use and cached. */
export function resourceIndex(rt: AnyResourceType): ResourceIndex {
  let index = indexes.get(rt);
  if (index === undefined) {
    index = buildResourceIndex(rt.name, rt.schema, rt.extensions);
    indexes.set(rt, index);
  }
  return index;
}

/**
 * Binds a core schema and its extensions to an endpoint. The result carries the derived
 * types (`ScimResource<typeof RT>`, `CreateInput<typeof RT>` …) and the runtime services.
 *
 * @example
 * ```ts
 * export const AcmeUser = defineResourceType({
 *   name: "User", endpoint: "/Users", description: "User Account",
 *   schema: UserSchema,
 *   extensions: [{ schema: EnterpriseUserSchema, required: false }],
 * });
 * ```
 */
export function defineResourceType<
  const N extends string,
  S extends AnySchema,
  const E extends readonly ExtensionEntry[] = readonly [],
>(definition: ResourceTypeDefinition<N, S, E>): ResourceType<N, S, E> {
  const { name, endpoint, description, schema } = definition;
  const extensions = (definition.extensions ?? []) as unknown as E;
  if (typeof name !== "string" || !/^[A-Za-z][A-Za-z0-9_-]*$/.test(name)) {
    throw new ScimError(400, "invalidValue", `Resource type name ${JSON.stringify(name)} must be a letter then letters, digits, '-' or '_'`);
  }
  if (typeof endpoint !== "string" || !/^\/[A-Za-z0-9._~-]+$/.test(endpoint)) {
    throw new ScimError(400, "invalidValue", `Resource type '${name}': endpoint ${JSON.stringify(endpoint)} must be one path segment such as "/Users"`);
  }
  if (description !== undefined && typeof description !== "string") {
    throw new ScimError(400, "invalidValue", `Resource type '${name}': description must be a string`);
  }
  if (!isSchema(schema)) {
    throw new ScimError(400, "invalidValue", `Resource type '${name}': schema must come from defineSchema() or schemaFromJSON()`);
  }
  for (const key of Object.keys(schema.attributes)) {
    if (RESERVED_TOP_LEVEL.has(key.toLowerCase())) {
      throw new ScimError(400, "invalidValue", `Resource type '${name}': the core schema declares '${key}', which every resource already has (RFC 7643 §3.1)`);
    }
  }
  if (!Array.isArray(extensions)) {
    throw new ScimError(400, "invalidValue", `Resource type '${name}': extensions must be an array`);
  }
  const seen = new Set([schema.id.toLowerCase()]);
  for (const [i, ext] of extensions.entries()) {
    if (typeof ext !== "object" || ext === null || !isSchema(ext.schema) || typeof ext.required !== "boolean") {
      throw new ScimError(400, "invalidValue", `Resource type '${name}': extensions[${i}] must be { schema, required: boolean }`);
    }
    if (seen.has(ext.schema.id.toLowerCase())) {
      throw new ScimError(400, "invalidValue", `Resource type '${name}': schema '${ext.schema.id}' is listed twice`);
    }
    seen.add(ext.schema.id.toLowerCase());
  }
  const frozenExtensions = Object.freeze(extensions.map((e) => Object.freeze({ schema: e.schema, required: e.required })));
  const rt = {
    name,
    endpoint,
    description,
    schema,
    extensions: frozenExtensions,
    toJSON(): ResourceTypeJSON {
      const json: ResourceTypeJSON = { schemas: [RESOURCE_TYPE_URN], id: name, name, endpoint, schema: schema.id };
      if (description !== undefined) json.description = description;
      if (frozenExtensions.length > 0) {
        json.schemaExtensions = frozenExtensions.map((e) => ({ schema: e.schema.id, required: e.required }));
      }
      return json;
    },
    patchablePaths(): string[] {
      return patchablePaths(resourceIndex(this as unknown as AnyResourceType));
    },
  };
  Object.defineProperty(rt, RT_BRAND, { value: true });
  return Object.freeze(rt) as unknown as ResourceType<N, S, E>;
}
