import { ScimError, type ScimType } from "../errors.js";

/**
 * Where a value sits in a body, as a chain of keys. Built only when the walk descends, and
 * rendered to text only when an error is thrown, so the success path pays for no strings.
 * @internal
 */
export interface PathRef {
  readonly up: PathRef | undefined;
  readonly key: string | number;
  /** true for an extension's URN key: its attributes join with `:` (RFC 7644 §3.10) */
  readonly urn?: boolean;
}

/** @internal */
export function at(up: PathRef | undefined, key: string | number, urn?: boolean): PathRef {
  return urn ? { up, key, urn } : { up, key };
}

/** `emails[1].value`, `urn:…:enterprise:2.0:User:manager.value` @internal */
export function renderPath(path: PathRef | undefined): string {
  if (path === undefined) return "";
  const { up, key } = path;
  if (typeof key === "number") return `${renderPath(up)}[${key}]`;
  if (up === undefined) return key;
  return `${renderPath(up)}${up.urn ? ":" : "."}${key}`;
}

function segments(path: PathRef | undefined): (string | number)[] {
  const out: (string | number)[] = [];
  for (let p = path; p !== undefined; p = p.up) out.push(p.key);
  return out.reverse();
}

const issuePaths = new WeakMap<ScimError, (string | number)[]>();

/**
 * A 400 whose detail names the offending path; the path's keys are kept for the Zod issue
 * that `validators` derive from it.
 * @internal
 */
export function pathError(scimType: ScimType, path: PathRef | undefined, message: string): ScimError {
  const where = path === undefined ? "Request body" : `Attribute '${renderPath(path)}'`;
  const error = new ScimError(400, scimType, `${where} ${message}`);
  issuePaths.set(error, segments(path));
  return error;
}

/** The JSON keys leading to the value an error is about, when a validator raised it. @internal */
export function issuePath(error: ScimError): (string | number)[] {
  return issuePaths.get(error) ?? [];
}
