import type { ObjectView } from "../schema/attribute.js";
import type { commonAttributes } from "../schema/core/common.js";
import type { AnySchema, PatchEntries } from "../schema/define-schema.js";

/**
 * An extension of a resource type: its schema and whether resources must carry it.
 *
 * @example
 * ```ts
 * const entry: ExtensionEntry = { schema: EnterpriseUserSchema, required: false };
 * ```
 */
export interface ExtensionEntry<S extends AnySchema = AnySchema, R extends boolean = boolean> {
  readonly schema: S;
  readonly required: R;
}

type Common = typeof commonAttributes;

/** `id`, `externalId` and `meta` as a resource carries them (computed once for all types). */
export type CommonResource = ObjectView<Common, "rk", "out">;

/** The PATCH rows of the common attributes: `externalId` only (`id` and `meta` are readOnly). */
type CommonPatch = PatchEntries<Common, "">;

/** A table path with `[]` for a filter → the public path with `[${string}]` (computed once per type). */
type PublicPath<K> = K extends `${infer A}[]${infer B}` ? `${A}[${string}]${B}` : K;

/** The PATCH operations one table row allows, as a typed PatchOp body spells them. */
type RowOperations<K extends string, V> =
  | { op: "add" | "replace"; path: PublicPath<K>; value: V }
  | { op: "remove"; path: PublicPath<K> };

/**
 * Extension attributes under their URN key: required when the extension is required.
 * @internal
 */
export type ExtensionView<E extends readonly ExtensionEntry[], V extends "out" | "in"> = {
  -readonly [X in E[number] as X["required"] extends true ? X["schema"]["id"] : never]: X["schema"]["~"][V];
} & {
  -readonly [X in E[number] as X["required"] extends true ? never : X["schema"]["id"]]?: X["schema"]["~"][V];
};

/**
 * Type-only views of a resource type, computed once per resource type and indexed by
 * `ScimResource`, `CreateInput` and `ReplaceInput` (TYPES.md techniques 1 and 4).
 * @internal
 */
export interface ResourceTypeTypes<S extends AnySchema, E extends readonly ExtensionEntry[]> {
  /** the schema URIs a body of this type may list */
  readonly urn: S["id"] | E[number]["schema"]["id"];
  readonly resource: { schemas: (S["id"] | E[number]["schema"]["id"])[] } & CommonResource &
    S["~"]["out"] &
    ExtensionView<E, "out">;
  readonly input: { schemas: readonly (S["id"] | E[number]["schema"]["id"])[]; externalId?: string } & S["~"]["in"] &
    ExtensionView<E, "in">;
  /** plain-key PATCH table: path (filters as `[]`) → value of add/replace (TYPES.md technique 3) */
  readonly patchTable: PatchTable<S, E>;
  /** the union of paths a typed PATCH may touch, stored once (TYPES.md technique 4) */
  readonly patchPath: PublicPath<keyof PatchTable<S, E>>;
  /** a no-path add/replace value: a partial of the patchable attributes */
  readonly noPath: S["~"]["noPath"] & { externalId?: string } & {
    // an extension with nothing writable has no key here, so a value for it does not compile
    -readonly [X in E[number] as keyof X["schema"]["~"]["noPath"] extends never ? never : X["schema"]["id"]]?: X["schema"]["~"]["noPath"];
  };
  /** one typed PatchOp operation */
  readonly operation:
    | { [K in keyof PatchTable<S, E> & string]: RowOperations<K, PatchTable<S, E>[K]> }[keyof PatchTable<S, E> & string]
    | { op: "add" | "replace"; value: ResourceTypeTypes<S, E>["noPath"] };
}

/** @internal */
export type PatchTable<S extends AnySchema, E extends readonly ExtensionEntry[]> = {
  [R in S["~"]["patch"] | CommonPatch | E[number]["schema"]["~"]["patchUrn"] as R["k"]]: R["v"];
};
