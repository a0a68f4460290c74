/**
 * The RFC 7644 §3.12 `scimType` values. Only these may appear in an error body.
 *
 * @example
 * ```ts
 * if (ScimError.is(error) && error.scimType === "mutability") audit(error.detail);
 * ```
 */
export type ScimType =
  | "invalidFilter"
  | "tooMany"
  | "uniqueness"
  | "mutability"
  | "invalidSyntax"
  | "invalidPath"
  | "noTarget"
  | "invalidValue"
  | "invalidVers"
  | "sensitive";

/**
 * RFC 7644 §3.12 error response body. `status` is a string, as the RFC's examples show.
 *
 * @example
 * ```ts
 * const body: ScimErrorBody = new ScimError(409, "uniqueness", "userName taken").toJSON();
 * // { schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"], status: "409", scimType: "uniqueness", detail: "userName taken" }
 * ```
 */
export interface ScimErrorBody {
  schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"];
  status: string;
  scimType?: ScimType;
  detail?: string;
}

/**
 * The RFC 7644 §3.12 error message schema URN.
 *
 * @example
 * ```ts
 * const body = { schemas: [ERROR_URN], status: "404", detail: "Not found" };
 * ```
 */
export const ERROR_URN = "urn:ietf:params:scim:api:messages:2.0:Error" as const;

// A registry-wide symbol, so that copies of this class in separate ESM and CJS bundles
// still recognise each other's instances.
const BRAND: unique symbol = Symbol.for("scimtype.ScimError") as never;

/**
 * A SCIM protocol error: an HTTP status, an optional RFC 7644 §3.12 `scimType` and a
 * human-readable `detail`. Every failure a client can cause is reported as one.
 *
 * @example
 * ```ts
 * throw new ScimError(400, "mutability", "Attribute 'employeeNumber' is immutable");
 * ```
 */
export class ScimError extends Error {
  readonly status: number;
  readonly scimType: ScimType | undefined;
  readonly detail: string;
  declare readonly [BRAND]: true;

  constructor(status: number, scimType: ScimType | undefined, detail: string, options?: { cause?: unknown }) {
    super(detail, options);
    this.name = "ScimError";
    this.status = status;
    this.scimType = scimType;
    this.detail = detail;
    Object.defineProperty(this, BRAND, { value: true });
  }

  /** True for any ScimError, including one thrown by another bundle's copy of this class. */
  static is(value: unknown): value is ScimError {
    return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
  }

  /** The RFC 7644 §3.12 error body. */
  toJSON(): ScimErrorBody {
    const body: ScimErrorBody = { schemas: [ERROR_URN], status: String(this.status) };
    if (this.scimType !== undefined) body.scimType = this.scimType;
    if (this.detail) body.detail = this.detail;
    return body;
  }

  /** 400 with the given scimType. */
  static badRequest(scimType: ScimType, detail: string): ScimError {
    return new ScimError(400, scimType, detail);
  }
}
