import { ScimError } from "../errors.js";

/**
 * RFC 7644 §3.4.3 SearchRequest message URN.
 *
 * @example
 * ```ts
 * await fetch("https://example.com/scim/v2/Users/.search", {
 *   method: "POST",
 *   headers: { "content-type": "application/scim+json" },
 *   body: JSON.stringify({ schemas: [SEARCH_REQUEST_URN], filter: 'userName eq "bjensen"', count: 10 }),
 * });
 * ```
 */
export const SEARCH_REQUEST_URN = "urn:ietf:params:scim:api:messages:2.0:SearchRequest";

/** The query of a list or search request (RFC 7644 §3.4.2, §3.4.3), normalised. */
export interface ListParams {
  readonly filter: string | undefined;
  readonly sortBy: string | undefined;
  readonly sortOrder: string | undefined;
  /** ≥ 1 */
  readonly startIndex: number;
  /** ≥ 0, not yet capped; undefined when not given */
  readonly count: number | undefined;
  readonly attributes: readonly string[] | undefined;
  readonly excludedAttributes: readonly string[] | undefined;
}

const NAMES = ["filter", "sortBy", "sortOrder", "startIndex", "count", "attributes", "excludedAttributes"] as const;
type Name = (typeof NAMES)[number];
const BY_LOWER = new Map<string, Name>(NAMES.map((n) => [n.toLowerCase(), n]));

// Clamp so that arithmetic on huge values stays exact.
const MAX_INDEX = 2 ** 31 - 1;

/**
 * RFC 7644 §3.4.2.4: integers; `startIndex` below 1 is 1, a negative `count` is 0. Anything
 * that is not an integer is 400 `invalidValue` (silently ignoring it would hand back a page
 * the client did not ask for).
 */
function integer(name: string, raw: unknown, strict: boolean): number {
  let n: number;
  if (typeof raw === "number") n = raw;
  else if (typeof raw === "string" && (!strict || raw === raw.trim()) && /^[+-]?\d{1,20}$/.test(raw.trim())) n = Number(raw.trim());
  else n = Number.NaN;
  if (!Number.isInteger(n)) {
    throw new ScimError(400, "invalidValue", `${name} must be an integer (RFC 7644 §3.4.2.4), not ${JSON.stringify(raw)}`);
  }
  return Math.max(-MAX_INDEX, Math.min(MAX_INDEX, n));
}

function build(values: Partial<Record<Name, unknown>>, strict: boolean): ListParams {
  const text = (name: Name): string | undefined => {
    const v = values[name];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== "string") throw new ScimError(400, "invalidValue", `${name} must be a string`);
    return v;
  };
  const list = (name: Name): string[] | undefined => {
    const v = values[name];
    if (v === undefined || v === null) return undefined;
    if (typeof v === "string") return [v];
    if (Array.isArray(v) && v.every((x): x is string => typeof x === "string")) return v;
    throw new ScimError(400, "invalidValue", `${name} must be a list of attribute names`);
  };
  const startIndex = values.startIndex === undefined ? 1 : Math.max(1, integer("startIndex", values.startIndex, strict));
  const count = values.count === undefined ? undefined : Math.max(0, integer("count", values.count, strict));
  return {
    filter: text("filter"),
    sortBy: text("sortBy"),
    sortOrder: text("sortOrder"),
    startIndex,
    count,
    attributes: list("attributes"),
    excludedAttributes: list("excludedAttributes"),
  };
}

/** The query parameters of `GET /{endpoint}` (names matched case-insensitively). */
export function listParamsFromQuery(query: URLSearchParams, strict: boolean): ListParams {
  const values: Partial<Record<Name, unknown>> = {};
  for (const [key, value] of query) {
    const name = BY_LOWER.get(key.toLowerCase());
    if (name === undefined) continue;
    if (name === "attributes" || name === "excludedAttributes") {
      const previous = values[name] as string[] | undefined;
      values[name] = previous === undefined ? [value] : [...previous, value];
    } else if (values[name] === undefined) values[name] = value;
    else throw new ScimError(400, "invalidValue", `${name} is given more than once`);
  }
  return build(values, strict);
}

/** Only `attributes` / `excludedAttributes` of a query (for single-resource responses, RFC 7644 §3.9). */
export function projectionFromQuery(query: URLSearchParams): Pick<ListParams, "attributes" | "excludedAttributes"> {
  const attributes: string[] = [];
  const excludedAttributes: string[] = [];
  for (const [key, value] of query) {
    const lower = key.toLowerCase();
    if (lower === "attributes") attributes.push(value);
    else if (lower === "excludedattributes") excludedAttributes.push(value);
  }
  return {
    attributes: attributes.length > 0 ? attributes : undefined,
    excludedAttributes: excludedAttributes.length > 0 ? excludedAttributes : undefined,
  };
}

/** A SearchRequest body (RFC 7644 §3.4.3). */
export function listParamsFromSearch(body: unknown, strict: boolean): ListParams {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new ScimError(400, "invalidSyntax", "A search request body is a SearchRequest object (RFC 7644 §3.4.3)");
  }
  const values: Partial<Record<Name, unknown>> = {};
  let schemas: unknown;
  for (const [key, value] of Object.entries(body)) {
    if (key.toLowerCase() === "schemas") {
      schemas = value;
      continue;
    }
    const name = BY_LOWER.get(key.toLowerCase());
    if (name === undefined || (strict && name !== key)) {
      throw new ScimError(400, "invalidSyntax", `Unknown SearchRequest attribute '${key}' (RFC 7644 §3.4.3)`);
    }
    values[name] = value;
  }
  const listsUrn = Array.isArray(schemas) && schemas.some((s) => typeof s === "string" && s.toLowerCase() === SEARCH_REQUEST_URN.toLowerCase());
  if (!listsUrn && (schemas !== undefined || strict)) {
    throw new ScimError(400, "invalidSyntax", `A SearchRequest's schemas must be ["${SEARCH_REQUEST_URN}"]`);
  }
  if (strict && ((values.startIndex !== undefined && typeof values.startIndex !== "number") || (values.count !== undefined && typeof values.count !== "number"))) {
    throw new ScimError(400, "invalidValue", "startIndex and count are integers in a SearchRequest");
  }
  return build(values, strict);
}
