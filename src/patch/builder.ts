import type { AnyResourceType } from "../resource-type.js";
import { PATCH_OP_URN, type PatchOperation, type PatchPath, type PatchRequest, type PatchValue } from "../types/patch-path.js";

/**
 * An immutable builder of a typed PatchOp body: each call returns a new builder. A path that
 * would touch an immutable or readOnly attribute, or a value of the wrong type, does not
 * compile.
 *
 * @example
 * ```ts
 * const base: PatchBuilder<User> = patch(UserResourceType).replace("active", true);
 * const more = base.add("emails", [{ value: "b@example.com", type: "work" }]); // base is unchanged
 * ```
 */
export interface PatchBuilder<RT extends AnyResourceType> {
  /** RFC 7644 §3.5.2.1 add, without a path: a partial of the patchable attributes. */
  add(value: RT["~"]["noPath"]): PatchBuilder<RT>;
  /** RFC 7644 §3.5.2.1 add at `path`. */
  add<P extends PatchPath<RT>>(path: P, value: PatchValue<RT, P, "add">): PatchBuilder<RT>;
  /** RFC 7644 §3.5.2.3 replace, without a path: a partial of the patchable attributes. */
  replace(value: RT["~"]["noPath"]): PatchBuilder<RT>;
  /** RFC 7644 §3.5.2.3 replace at `path`. */
  replace<P extends PatchPath<RT>>(path: P, value: PatchValue<RT, P, "replace">): PatchBuilder<RT>;
  /** RFC 7644 §3.5.2.2 remove at `path` (a path is required). */
  remove(path: PatchPath<RT>): PatchBuilder<RT>;
  /** The operations so far. */
  readonly operations: readonly PatchOperation<RT>[];
  /** The PatchOp body. */
  toJSON(): PatchRequest<RT>;
}

type Op = { op: "add" | "replace" | "remove"; path?: string; value?: unknown };

function builder<RT extends AnyResourceType>(operations: readonly Op[]): PatchBuilder<RT> {
  const withOp = (op: "add" | "replace", args: unknown[]): PatchBuilder<RT> => {
    const next: Op = args.length >= 2 ? { op, path: args[0] as string, value: args[1] } : { op, value: args[0] };
    return builder<RT>(Object.freeze([...operations, Object.freeze(next)]));
  };
  return Object.freeze({
    operations: operations as readonly PatchOperation<RT>[],
    add: (...args: unknown[]) => withOp("add", args),
    replace: (...args: unknown[]) => withOp("replace", args),
    remove: (path: string) => builder<RT>(Object.freeze([...operations, Object.freeze({ op: "remove" as const, path })])),
    toJSON: () => ({ schemas: [PATCH_OP_URN] as const, Operations: operations as readonly PatchOperation<RT>[] }),
  }) as PatchBuilder<RT>;
}

/**
 * Starts a typed PATCH for resource type `rt`.
 *
 * @example
 * ```ts
 * const body = patch(UserResourceType)
 *   .replace("name.givenName", "Babs")
 *   .add("emails", [{ value: "babs@example.com", type: "work" }])
 *   .remove('emails[type eq "home"]')
 *   .toJSON();
 * patch(UserResourceType).replace("id", "x"); // does not compile: id is readOnly
 * ```
 */
export function patch<RT extends AnyResourceType>(rt: RT): PatchBuilder<RT> {
  void rt; // the resource type only carries the types; the body is plain data
  return builder<RT>(Object.freeze([]));
}
