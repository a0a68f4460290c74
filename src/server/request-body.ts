import { ScimError } from "../errors.js";

/**
 * The default of `maxBodyBytes`: 1 MiB.
 *
 * @example
 * ```ts
 * createScimHandler({ resourceTypes, store, maxBodyBytes: 4 * DEFAULT_MAX_BODY_BYTES });
 * ```
 */
export const DEFAULT_MAX_BODY_BYTES = 1_048_576;

const tooLarge = (max: number): ScimError =>
  new ScimError(413, undefined, `The request body exceeds the limit of ${max} bytes`);

/**
 * RFC 7644 §3.1 (and §8.1, UTF-8): a body must be `application/scim+json` or
 * `application/json`. A missing Content-Type is let through as JSON, since clients that omit
 * it still send JSON; any other type is 415.
 */
export function checkContentType(request: Request): void {
  const header = request.headers.get("content-type");
  if (header === null || header.trim() === "") return;
  const type = header.split(";", 1)[0]!.trim().toLowerCase();
  if (type === "application/scim+json" || type === "application/json") return;
  throw new ScimError(415, undefined, `Content-Type '${type}' is not supported; send application/scim+json (RFC 7644 §3.1)`);
}

/**
 * Reads a JSON body, never more than `maxBytes`: a larger `Content-Length` is refused before
 * reading (413), and a body without one is counted while it streams in and cut off at the
 * limit. Invalid UTF-8 or JSON, and an empty body, are 400 `invalidSyntax`.
 */
export async function readJsonBody(request: Request, maxBytes: number): Promise<unknown> {
  checkContentType(request);
  const declared = request.headers.get("content-length");
  if (declared !== null && /^\d+$/.test(declared.trim()) && Number(declared) > maxBytes) throw tooLarge(maxBytes);
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body !== null) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge(maxBytes);
      }
      chunks.push(value);
    }
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new ScimError(400, "invalidSyntax", "The request body is not valid UTF-8 (RFC 7644 §3.1)");
  }
  if (text.trim() === "") throw new ScimError(400, "invalidSyntax", "The request needs a JSON body");
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ScimError(400, "invalidSyntax", "The request body is not valid JSON");
  }
}
