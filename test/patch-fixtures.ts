// Stored resources for the PATCH tests, deep-frozen so that any write to the input throws.
import { applyPatch as applyJsonPatch, deepClone } from "fast-json-patch";
import { expect } from "vitest";
import type { AnyResourceType, ScimError } from "../src/index.js";
import { catchScimError } from "./support/scim-error.js";

export function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

export const ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
export const EMPLOYEE = "urn:example:params:scim:schemas:extension:acme:2.0:Employee";
export const PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

export const BJENSEN_ID = "2819c223-7f76-453a-919d-413861904646";
export const JSMITH_ID = "08e1d05d-121c-4561-8b96-473d93df9210";

export function storedUser(): Record<string, unknown> {
  return deepFreeze({
    schemas: ["urn:ietf:params:scim:schemas:core:2.0:User", ENTERPRISE],
    id: BJENSEN_ID,
    externalId: "701984",
    userName: "bjensen@example.com",
    name: { formatted: "Ms. Barbara J Jensen, III", familyName: "Jensen", givenName: "Barbara" },
    displayName: "Babs Jensen",
    nickName: "Babs",
    title: "Tour Guide",
    active: true,
    password: "t1meMa$heen",
    emails: [
      { value: "bjensen@example.com", type: "work", primary: true },
      { value: "babs@jensen.org", type: "home" },
    ],
    addresses: [
      {
        type: "work",
        streetAddress: "100 Universal City Plaza",
        locality: "Hollywood",
        region: "CA",
        postalCode: "91608",
        country: "US",
        primary: true,
      },
      { type: "home", streetAddress: "456 Hollywood Blvd", locality: "Hollywood", region: "CA", country: "US" },
    ],
    phoneNumbers: [
      { value: "555-555-5555", type: "work" },
      { value: "555-555-4444", type: "mobile" },
    ],
    groups: [{ value: "e9e30dba-f08f-4109-8486-d5c6a331660a", display: "Tour Guides", type: "direct" }],
    [ENTERPRISE]: {
      employeeNumber: "701984",
      department: "Tour Operations",
      manager: { value: "26118915-6090-4610-87e4-49d8ca9f808d", displayName: "John Smith" },
    },
    meta: {
      resourceType: "User",
      created: "2010-01-23T04:56:22Z",
      lastModified: "2011-05-13T04:42:34Z",
      version: 'W/"3694e05e9dff591"',
      location: `https://example.com/v2/Users/${BJENSEN_ID}`,
    },
  });
}

export function member(id: string, display: string): Record<string, unknown> {
  return { value: id, $ref: `https://example.com/v2/Users/${id}`, display, type: "User" };
}

export function storedGroup(members: Record<string, unknown>[] = [member(BJENSEN_ID, "Babs Jensen")]): Record<string, unknown> {
  return deepFreeze({
    schemas: ["urn:ietf:params:scim:schemas:core:2.0:Group"],
    id: "e9e30dba-f08f-4109-8486-d5c6a331660a",
    displayName: "Tour Guides",
    ...(members.length > 0 ? { members } : {}),
    meta: { resourceType: "Group", created: "2010-01-23T04:56:22Z", lastModified: "2011-05-13T04:42:34Z", version: 'W/"3694e05e9dff592"' },
  });
}

export function patchBody(...operations: Record<string, unknown>[]): Record<string, unknown> {
  return { schemas: [PATCH_OP], Operations: operations };
}

/**
 * Applies a PATCH and checks the invariants every result must keep: the input untouched
 * (it is frozen), and `changes` replayed with fast-json-patch give `resource`.
 */
export function apply(rt: AnyResourceType & { applyPatch: Function }, existing: Record<string, unknown>, body: unknown, options?: object) {
  const result = (rt as unknown as {
    applyPatch(e: unknown, b: unknown, o?: object): { resource: Record<string, unknown>; changes: never[]; changed: boolean };
  }).applyPatch(existing, body, options);
  const replayed = applyJsonPatch(deepClone(existing), result.changes, true, false).newDocument;
  expect(replayed).toEqual(result.resource);
  expect(result.changed).toBe(result.changes.length > 0);
  if (!result.changed) expect(result.resource).toBe(existing);
  return result;
}

export function rejects(fn: () => unknown, status: number, scimType: string | undefined, detail?: string | RegExp): ScimError {
  const error = catchScimError(fn);
  expect({ status: error.status, scimType: error.scimType }).toEqual({ status, scimType });
  if (detail !== undefined) expect(error.detail).toMatch(detail);
  return error;
}
