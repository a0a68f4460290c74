import { ScimError } from "../errors.js";

// RFC 7644 §3.4.2.2: ATTRNAME = ALPHA *(nameChar), nameChar = "-" / "_" / DIGIT / ALPHA.
// "$ref" is not an ATTRNAME but the RFCs use it everywhere (errata.md, defect 6).
const ATTRNAME = /^[A-Za-z][A-Za-z0-9_-]*$/;
const RESERVED = new Set(["__proto__", "constructor", "prototype"]);

/** True when `name` may name an attribute. */
export function isAttributeName(name: string): boolean {
  return (name === "$ref" || ATTRNAME.test(name)) && !RESERVED.has(name.toLowerCase());
}

/** Throws a 400 `invalidValue` naming `path` when `name` is not a valid attribute name. */
export function assertAttributeName(name: string, path: string): void {
  if (RESERVED.has(name.toLowerCase())) {
    throw new ScimError(400, "invalidValue", `Attribute '${path}': '${name}' is a reserved name`);
  }
  if (!isAttributeName(name)) {
    throw new ScimError(
      400,
      "invalidValue",
      `Attribute '${path}': '${name}' is not a valid attribute name (RFC 7643 §2.1: a letter, then letters, digits, '-' or '_')`,
    );
  }
}

// RFC 3986 scheme ":" then something; SCIM schema ids are URNs ("urn:ietf:params:scim:…").
const URI = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s]+$/;

/** Throws a 400 `invalidValue` when `id` is not an absolute URI. */
export function assertSchemaId(id: unknown): asserts id is string {
  if (typeof id !== "string" || !URI.test(id)) {
    throw new ScimError(400, "invalidValue", `Schema id ${JSON.stringify(id)} is not a URI (RFC 7643 §7: "The unique URI of the schema")`);
  }
}

/** Throws a 400 `invalidValue` when two names of one level differ only in case. */
export function assertNoCaseDuplicates(names: Iterable<string>, where: string): void {
  const seen = new Map<string, string>();
  for (const name of names) {
    const lower = name.toLowerCase();
    const previous = seen.get(lower);
    if (previous !== undefined) {
      throw new ScimError(
        400,
        "invalidValue",
        `${where}: attributes '${previous}' and '${name}' differ only in case (attribute names are case-insensitive, RFC 7643 §2.1)`,
      );
    }
    seen.set(lower, name);
  }
}
