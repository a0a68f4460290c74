import { ScimError } from "./errors.js";
import type { AnySchema } from "./schema/define-schema.js";
import { RESERVED_TOP_LEVEL } from "./schema/core/common.js";
import { isSchema } from "./schema/define-schema.js";
import type * as z from "zod";
import type { OnViolation } from "./audit.js";
import { type PatchOptions, type PatchResult, applyPatch } from "./patch/apply.js";
import { patchablePaths } from "./patch/patchable-paths.js";
import type { Filter } from "./path/ast.js";
import { compileComparator } from "./path/compare.js";
import { compileFilter } from "./path/evaluate.js";
import type { FilterOptions } from "./path/limits.js";
import { type SerializeOptions, serialize } from "./project/serialize.js";
import type { ParseOptions } from "./validate/options.js";
import { parseCreate } from "./validate/parse-create.js";
import { parseReplace } from "./validate/parse-replace.js";
import { compileValidators } from "./validate/validators.js";
import { type ResourceIndex, buildResourceIndex } from "./schema/schema-index.js";
import type { PatchPath } from "./types/patch-path.js";
import type { ExtensionEntry, ResourceTypeTypes } from "./types/views.js";

/**
 * The RFC 7643 §6 ResourceType schema URN, the `schemas` value of `/ResourceTypes` entries.
 *
 * @example
 * ```ts
 * UserResourceType.toJSON().schemas; // [RESOURCE_TYPE_URN]
 * ```
 */
export const RESOURCE_TYPE_URN = "urn:ietf:params:scim:schemas:core:2.0:ResourceType" as const;

/**
 * A resource type as `/ResourceTypes` represents it (RFC 7643 §6).
 *
 * @example
 * ```ts
 * const json: ResourceTypeJSON = GroupResourceType.toJSON();
 * // { schemas: [RESOURCE_TYPE_URN], id: "Group", name: "Group", endpoint: "/Groups", description: "Group", schema: "urn:ietf:params:scim:schemas:core:2.0:Group" }
 * ```
 */
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
 *
 * @example
 * ```ts
 * const rt: ResourceType = defineResourceType({ name: "Device", endpoint: "/Devices", schema: DeviceSchema });
 * rt.parseCreate(body);
 * ```
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
  /**
   * Compiles a filter (RFC 7644 §3.4.2.2), once, into a predicate over resources of this type:
   * names resolve case-insensitively, strings compare per `caseExact`, dateTimes as instants.
   * @throws ScimError 400 `invalidFilter`
   * @example
   * ```ts
   * const isWorkBabs = UserResourceType.matches('userName eq "bjensen" and emails[type eq "work"]');
   * ```
   */
  matches(filter: string | Filter, options?: FilterOptions): (resource: Readonly<Record<string, unknown>>) => boolean;
  /**
   * A comparator for `sortBy`/`sortOrder` (RFC 7644 §3.4.2.3).
   * @throws ScimError 400 `invalidValue` for an unknown attribute
   */
  compare(
    sortBy: string,
    sortOrder?: "ascending" | "descending",
  ): (a: Readonly<Record<string, unknown>>, b: Readonly<Record<string, unknown>>) => number;
  /**
   * Validates a POST body (RFC 7644 §3.3) and returns what to store before the server adds
   * `id` and `meta`: readOnly attributes dropped (and reported), writeOnly values kept.
   * @throws ScimError 400 `invalidValue` / `invalidSyntax`
   */
  parseCreate(body: unknown, options?: ParseOptions): ResourceTypeTypes<S, E>["input"];
  /**
   * Validates a PUT body against the stored resource (RFC 7644 §3.5.1) and returns the full
   * resource to store: readOnly values (`id`, `meta` too) kept from `existing`, immutable
   * values equal to the stored ones or newly set. Note the order: body first.
   * @throws ScimError 400 `mutability` on an immutable change; `invalidValue` / `invalidSyntax`
   */
  parseReplace(
    body: unknown,
    existing: Readonly<Record<string, unknown>>,
    options?: ParseOptions,
  ): ResourceTypeTypes<S, E>["resource"];
  /**
   * Applies a PatchOp (RFC 7644 §3.5.2) atomically, enforcing mutability, and reports the RFC
   * 6902 operations applied. Note the order: existing first. `existing` is never written.
   * @throws ScimError 400 `invalidSyntax`, `invalidPath`, `invalidFilter`, `noTarget`, `invalidValue`, `mutability`
   */
  applyPatch(
    existing: Readonly<Record<string, unknown>>,
    body: unknown,
    options?: PatchOptions,
  ): PatchResult<ResourceTypeTypes<S, E>["resource"]>;
  /**
   * The resource as a response returns it (RFC 7644 §3.4.2.5, §3.9; RFC 7643 §7 `returned`):
   * writeOnly and `returned: "never"` values never appear.
   * @throws ScimError 400 `invalidValue` when both attribute lists are given
   */
  serialize(
    resource: Readonly<Record<string, unknown>>,
    options?: SerializeOptions,
  ): Partial<ResourceTypeTypes<S, E>["resource"]> & { schemas: string[]; id: string };
  /** The compiled Zod schemas (Standard Schema compatible), typed by the declared views. */
  readonly validators: {
    readonly create: z.ZodType<ResourceTypeTypes<S, E>["input"], unknown>;
    readonly replace: z.ZodType<ResourceTypeTypes<S, E>["input"], unknown>;
    readonly resource: z.ZodType<ResourceTypeTypes<S, E>["resource"], unknown>;
  };
}

/**
 * The loose constraint for generic entry points (TYPES.md technique 2).
 *
 * @example
 * ```ts
 * function endpointOf<RT extends AnyResourceType>(rt: RT): string {
 *   return rt.endpoint;
 * }
 * ```
 */
export interface AnyResourceType {
  readonly name: string;
  readonly endpoint: string;
  readonly schema: AnySchema;
  readonly extensions: readonly ExtensionEntry[];
  // biome-ignore lint: the loose constraint is the point
  readonly "~": any;
  /** The RFC 7643 §6 representation. */
  toJSON(): ResourceTypeJSON;
}

/**
 * The declaration `defineResourceType` takes.
 *
 * @example
 * ```ts
 * defineResourceType({
 *   name: "User", endpoint: "/Users", description: "User Account", schema: UserSchema,
 *   extensions: [{ schema: EnterpriseUserSchema, required: false }],
 *   onViolation: (event) => audit.write(event),
 * });
 * ```
 */
export interface ResourceTypeDefinition<N extends string, S extends AnySchema, E extends readonly ExtensionEntry[]> {
  /** The resource type name, e.g. `User`; also its `id` in `/ResourceTypes`. */
  readonly name: N;
  /** The endpoint relative to the base URL, e.g. `/Users`. */
  readonly endpoint: string;
  readonly description?: string;
  readonly schema: S;
  readonly extensions?: E;
  /** Receives every rejected or ignored attempt on an immutable or readOnly attribute, from every call (a per-call `onViolation` takes precedence). */
  readonly onViolation?: OnViolation;
}

const RT_BRAND = Symbol.for("scimtype.ResourceType");
const indexes = new WeakMap<object, ResourceIndex>();

/**
 * True for a resource type made by `defineResourceType`.
 *
 * @example
 * ```ts
 * isResourceType(UserResourceType); // true, whichever copy of scimtype made it
 * ```
 */
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
  const hook = definition.onViolation;
  const withHook = <O extends { onViolation?: OnViolation | undefined }>(options: O | undefined): O | undefined =>
    hook === undefined || options?.onViolation !== undefined ? options : ({ ...options, onViolation: hook } as O);
  let index: ResourceIndex | undefined;
  let validators: ReturnType<typeof compileValidators> | undefined;
  const idx = (): ResourceIndex => (index ??= resourceIndex(rt as unknown as AnyResourceType));
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
      return patchablePaths(idx());
    },
    matches(filter: string | Filter, options?: FilterOptions) {
      return compileFilter(idx(), filter, options);
    },
    compare(sortBy: string, sortOrder?: "ascending" | "descending") {
      return compileComparator(idx(), sortBy, sortOrder);
    },
    parseCreate(body: unknown, options?: ParseOptions) {
      return parseCreate(idx(), body, withHook(options));
    },
    parseReplace(body: unknown, existing: Readonly<Record<string, unknown>>, options?: ParseOptions) {
      return parseReplace(idx(), body, existing, withHook(options));
    },
    applyPatch(existing: Readonly<Record<string, unknown>>, body: unknown, options?: PatchOptions) {
      return applyPatch(idx(), existing, body, withHook(options));
    },
    serialize(resource: Readonly<Record<string, unknown>>, options?: SerializeOptions) {
      return serialize(idx(), resource, options);
    },
    get validators() {
      return (validators ??= compileValidators(idx(), withHook(undefined)));
    },
  };
  Object.defineProperty(rt, RT_BRAND, { value: true });
  return Object.freeze(rt) as unknown as ResourceType<N, S, E>;
}
