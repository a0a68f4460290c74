import * as z from "zod";
import { ScimError } from "../errors.js";
import type { ResourceIndex } from "../schema/schema-index.js";
import type { ParseOptions } from "./options.js";
import { parseCreate, parseReplaceBody } from "./parse-create.js";
import { parseResource } from "./parse-resource.js";
import { issuePath } from "./path.js";

/**
 * Zod schemas for the three contexts of a resource type. Zod 4 schemas implement Standard
 * Schema (`~standard`), so these plug into anything that speaks either. The façade narrows
 * their output to the declared views (`CreateInput<RT>`, `ScimResource<RT>`).
 */
export interface Validators {
  /** a POST body, as `parseCreate` reads it */
  readonly create: z.ZodType<Record<string, unknown>, unknown>;
  /** the shape of a PUT body, as `parseReplace` reads it before comparing with the stored resource */
  readonly replace: z.ZodType<Record<string, unknown>, unknown>;
  /** a resource as returned (`ScimResource`): no secrets, `id`, `meta` and `schemas` required */
  readonly resource: z.ZodType<Record<string, unknown>, unknown>;
}

type Parse = (index: ResourceIndex, body: unknown, options?: ParseOptions) => Record<string, unknown>;

// The walk is hand-written (mutability, case-insensitive names); the value-level checks inside
// it are Zod schemas. A ScimError becomes a Zod issue with the path of the offending value.
function wrap(parse: Parse, index: ResourceIndex, options: ParseOptions | undefined) {
  return z.unknown().transform((body, ctx) => {
    try {
      return parse(index, body, options);
    } catch (error) {
      if (!ScimError.is(error)) throw error;
      ctx.issues.push({
        code: "custom",
        message: error.detail,
        input: body,
        path: issuePath(error),
        params: { status: error.status, scimType: error.scimType },
      });
      return z.NEVER;
    }
  });
}

const cache = new WeakMap<ResourceIndex, Validators>();

/**
 * The Zod schemas of a resource index. Compiled once per index and cached when called without
 * options; options (e.g. `{ strict: true }`) give fresh, uncached schemas.
 */
export function compileValidators(index: ResourceIndex, options?: ParseOptions): Validators {
  if (options === undefined) {
    const cached = cache.get(index);
    if (cached !== undefined) return cached;
  }
  const validators: Validators = Object.freeze({
    create: wrap(parseCreate, index, options),
    replace: wrap(parseReplaceBody, index, options),
    resource: wrap(parseResource, index, options),
  });
  if (options === undefined) cache.set(index, validators);
  return validators;
}
