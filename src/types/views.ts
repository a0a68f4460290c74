import type { ObjectView } from "../schema/attribute.js";
import type { commonAttributes } from "../schema/core/common.js";
import type { AnySchema } from "../schema/define-schema.js";

/** An extension of a resource type: its schema and whether resources must carry it. */
export interface ExtensionEntry<S extends AnySchema = AnySchema, R extends boolean = boolean> {
  readonly schema: S;
  readonly required: R;
}

type Common = typeof commonAttributes;

/** `id`, `externalId` and `meta` as a resource carries them (computed once for all types). */
export type CommonResource = ObjectView<Common, "rk", "out">;

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
}
