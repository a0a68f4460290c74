import * as z from "zod";
import type { AttributeType } from "../schema/characteristics.js";
import { isBase64 } from "./base64.js";
import { isDateTime } from "./date-time.js";

/** The value types of RFC 7643 §2.3 that are not complex. */
export type SimpleType = Exclude<AttributeType, "complex">;

const string = z.string();
const dateTime = z.string().refine(isDateTime, "must be an RFC 7643 §2.3.5 dateTime with an offset, e.g. 2008-01-23T04:56:22Z");
const binary = z.string().refine(isBase64, "must be base64 (RFC 7643 §2.3.6, RFC 4648 §4)");
// Zod 4's number rejects NaN and ±Infinity; its int() is a safe integer (±(2^53 − 1)).
const decimal = z.number();
const integer = z.int();
const boolean = z.boolean();
// Microsoft Entra ID sends booleans as "True"/"False" on POST and PUT (DESIGN §4).
const lenientBoolean = z.union([
  z.boolean(),
  z.stringbool({ truthy: ["true"], falsy: ["false"], case: "insensitive" }),
]);

const strictSchemas: Readonly<Record<SimpleType, z.ZodType<unknown>>> = {
  string,
  reference: string,
  boolean,
  decimal,
  integer,
  dateTime,
  binary,
};

const lenientSchemas: Readonly<Record<SimpleType, z.ZodType<unknown>>> = {
  ...strictSchemas,
  boolean: lenientBoolean,
};

/**
 * The Zod schema of one simple value of an RFC 7643 §2.3 type. The lenient boolean schema
 * accepts `"true"`/`"false"` in any case and outputs a boolean.
 */
export function leafSchema(type: SimpleType, strict: boolean): z.ZodType<unknown> {
  return (strict ? strictSchemas : lenientSchemas)[type];
}
