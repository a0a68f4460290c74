import { describe, expect, it } from "vitest";
import type { ViolationEvent } from "../src/audit.js";
import { parseCreate } from "../src/validate/index.js";
import {
  CUSTOM_EXT_URN,
  CUSTOM_URN,
  ENTERPRISE_URN,
  GROUP_URN,
  StrictUserResourceType,
  USER_URN,
  gadgetIndex,
  groupIndex,
  scimError,
  userIndex,
} from "./validate-fixtures.js";
import { resourceIndex } from "../src/resource-type.js";

const user = (extra: Record<string, unknown> = {}) => ({ schemas: [USER_URN], userName: "bjensen", ...extra });

describe("parseCreate (RFC 7644 §3.3)", () => {
  it("RFC 7644 §3.3: returns the body to store with schemas kept and no id or meta key", () => {
    const out = parseCreate(userIndex, user({ id: "client-id", meta: { resourceType: "User" }, displayName: "Babs" }));
    expect(out).toStrictEqual({ schemas: [USER_URN], userName: "bjensen", displayName: "Babs" });
    expect("id" in out).toBe(false);
    expect("meta" in out).toBe(false);
  });

  it("RFC 7643 §7 writeOnly: password is kept in the body to store", () => {
    expect(parseCreate(userIndex, user({ password: "t1meMa$heen" })).password).toBe("t1meMa$heen");
  });

  it("RFC 7644 §3.3 / RFC 7643 §7 readOnly: dropped, not an error, and reported to onViolation as ignored", () => {
    const events: ViolationEvent[] = [];
    const out = parseCreate(
      userIndex,
      user({
        id: "x",
        groups: [{ value: "g1", display: "G" }],
        [ENTERPRISE_URN]: { employeeNumber: "7", manager: { value: "m1", displayName: "Boss" } },
        schemas: [USER_URN, ENTERPRISE_URN],
      }),
      { onViolation: (e) => events.push(e) },
    );
    expect(out).toStrictEqual({
      schemas: [USER_URN, ENTERPRISE_URN],
      userName: "bjensen",
      [ENTERPRISE_URN]: { employeeNumber: "7", manager: { value: "m1" } },
    });
    expect(events.map((e) => [e.path, e.action, e.mutability, e.kind, e.resourceType, e.resourceId])).toStrictEqual([
      ["id", "ignored", "readOnly", "create", "User", undefined],
      ["groups", "ignored", "readOnly", "create", "User", undefined],
      [`${ENTERPRISE_URN}:manager.displayName`, "ignored", "readOnly", "create", "User", undefined],
    ]);
    expect(events[0]).toMatchObject({ stored: undefined, attempted: "x" });
  });

  it("RFC 7643 §7 immutable: may be set at creation", () => {
    const out = parseCreate(gadgetIndex, {
      schemas: [CUSTOM_URN, CUSTOM_EXT_URN],
      serial: "S1",
      label: "L",
      imDefault: "set",
      [CUSTOM_EXT_URN]: { badge: "B" },
    });
    expect(out).toMatchObject({ serial: "S1", imDefault: "set", [CUSTOM_EXT_URN]: { badge: "B" } });
  });

  it("RFC 7643 §2.1: attribute names (and the extension URN key) are case-insensitive on input, spelled as the schema on output", () => {
    const out = parseCreate(userIndex, {
      SCHEMAS: [USER_URN.toUpperCase(), ENTERPRISE_URN.toLowerCase()],
      USERNAME: "bjensen",
      Name: { GIVENNAME: "Barbara" },
      emails: [{ VALUE: "b@example.com", Primary: true }],
      [ENTERPRISE_URN.toUpperCase()]: { EMPLOYEENUMBER: "701984" },
    });
    expect(out).toStrictEqual({
      schemas: [USER_URN, ENTERPRISE_URN],
      userName: "bjensen",
      name: { givenName: "Barbara" },
      emails: [{ value: "b@example.com", primary: true }],
      [ENTERPRISE_URN]: { employeeNumber: "701984" },
    });
  });

  it("RFC 7643 §2.1: two keys naming one attribute in different case → 400 invalidValue", () => {
    const e = scimError(() => parseCreate(userIndex, user({ USERNAME: "other" })));
    expect(e).toMatchObject({ status: 400, scimType: "invalidValue" });
    expect(e.detail).toContain("USERNAME");
  });

  it("RFC 7643 §2.2 / §7 required: a missing required attribute → 400 invalidValue naming it", () => {
    const e = scimError(() => parseCreate(userIndex, { schemas: [USER_URN], displayName: "x" }));
    expect(e).toMatchObject({ status: 400, scimType: "invalidValue" });
    expect(e.detail).toContain("'userName'");
    // errata 5368: Group displayName is required.
    expect(scimError(() => parseCreate(groupIndex, { schemas: [GROUP_URN] })).detail).toContain("'displayName'");
  });

  it("RFC 7643 §7 required: a required sub-attribute missing from a complex value → 400 invalidValue naming the element", () => {
    const e = scimError(() =>
      parseCreate(gadgetIndex, {
        schemas: [CUSTOM_URN, CUSTOM_EXT_URN],
        serial: "S",
        label: "L",
        parts: [{ value: "p1" }, { label: "no value" }],
        [CUSTOM_EXT_URN]: { badge: "B" },
      }),
    );
    expect(e).toMatchObject({ scimType: "invalidValue" });
    expect(e.detail).toContain("'parts[1].value'");
  });

  it("RFC 7643 §2.5: null and [] mean unassigned, so a required attribute sent as null is missing", () => {
    const out = parseCreate(userIndex, user({ displayName: null, emails: [], name: { givenName: null } }));
    expect(out).toStrictEqual({ schemas: [USER_URN], userName: "bjensen" });
    expect(scimError(() => parseCreate(userIndex, user({ userName: null }))).scimType).toBe("invalidValue");
  });

  it("RFC 7643 §2.4: at most one primary: true per multi-valued attribute → 400 invalidValue", () => {
    const e = scimError(() =>
      parseCreate(userIndex, user({ emails: [{ value: "a@x", primary: true }, { value: "b@x", primary: true }] })),
    );
    expect(e).toMatchObject({ status: 400, scimType: "invalidValue" });
    expect(e.detail).toContain("'emails'");
    expect(parseCreate(userIndex, user({ emails: [{ value: "a@x", primary: true }, { value: "b@x", primary: false }] })).emails).toHaveLength(2);
  });

  it("RFC 7643 §3: schemas is required and must list the core URN", () => {
    expect(scimError(() => parseCreate(userIndex, { userName: "x" }))).toMatchObject({ scimType: "invalidValue" });
    const e = scimError(() => parseCreate(userIndex, { schemas: [ENTERPRISE_URN], userName: "x" }));
    expect(e.detail).toContain(USER_URN);
    expect(scimError(() => parseCreate(userIndex, { schemas: USER_URN, userName: "x" })).scimType).toBe("invalidValue");
  });

  it("RFC 7643 §3: schemas must list the URN of every extension present", () => {
    const e = scimError(() => parseCreate(userIndex, user({ [ENTERPRISE_URN]: { employeeNumber: "1" } })));
    expect(e).toMatchObject({ scimType: "invalidValue" });
    expect(e.detail).toContain(ENTERPRISE_URN);
  });

  it("RFC 7643 §3: the output schemas lists the core URN and the extensions the body carries, as the schema spells them", () => {
    // listed but absent: dropped from the stored schemas
    expect(parseCreate(userIndex, user({ schemas: [USER_URN, ENTERPRISE_URN] })).schemas).toStrictEqual([USER_URN]);
  });

  it("RFC 7643 §6: a required extension missing → 400 invalidValue", () => {
    const strictUser = resourceIndex(StrictUserResourceType);
    const e = scimError(() => parseCreate(strictUser, user()));
    expect(e).toMatchObject({ status: 400, scimType: "invalidValue" });
    expect(e.detail).toContain(ENTERPRISE_URN);
    expect(parseCreate(strictUser, user({ schemas: [USER_URN, ENTERPRISE_URN], [ENTERPRISE_URN]: { division: "D" } }))).toBeDefined();
  });

  it("RFC 7643 §6: a required extension's required attributes must be present", () => {
    const e = scimError(() =>
      parseCreate(gadgetIndex, { schemas: [CUSTOM_URN, CUSTOM_EXT_URN], serial: "S", label: "L", [CUSTOM_EXT_URN]: { level: 1 } }),
    );
    expect(e.detail).toContain(`${CUSTOM_EXT_URN}:badge`);
  });

  it("RFC 7643 §3 (decision): unknown URNs in schemas → 400 invalidValue; with unknownAttributes: \"ignore\" they are dropped", () => {
    const body = user({ schemas: [USER_URN, "urn:example:unknown:2.0:Thing"] });
    expect(scimError(() => parseCreate(userIndex, body))).toMatchObject({ scimType: "invalidValue" });
    expect(parseCreate(userIndex, body, { unknownAttributes: "ignore" }).schemas).toStrictEqual([USER_URN]);
  });

  it("RFC 7644 §3.3: unknown attributes → 400 invalidValue naming the path (default reject), dropped with ignore", () => {
    const body = user({ favouriteColour: "blue", name: { givenName: "B", nickname: "x" }, "urn:example:ext:1.0:X": { a: 1 } });
    const e = scimError(() => parseCreate(userIndex, body));
    expect(e).toMatchObject({ status: 400, scimType: "invalidValue" });
    expect(e.detail).toContain("'favouriteColour'");
    expect(scimError(() => parseCreate(userIndex, user({ name: { nickname: "x" } }))).detail).toContain("'name.nickname'");
    expect(
      scimError(() => parseCreate(userIndex, user({ schemas: [USER_URN, ENTERPRISE_URN], [ENTERPRISE_URN]: { badge: 1 } }))).detail,
    ).toContain(`'${ENTERPRISE_URN}:badge'`);
    expect(parseCreate(userIndex, body, { unknownAttributes: "ignore" })).toStrictEqual({
      schemas: [USER_URN],
      userName: "bjensen",
      name: { givenName: "B" },
    });
  });

  it("RFC 7643 §2.3.8: an extension value that is not an object → 400 invalidValue", () => {
    const e = scimError(() => parseCreate(userIndex, user({ schemas: [USER_URN, ENTERPRISE_URN], [ENTERPRISE_URN]: "x" })));
    expect(e).toMatchObject({ scimType: "invalidValue" });
    expect(e.detail).toContain(ENTERPRISE_URN);
  });

  it("RFC 7643 §2.3.8 (lenient): a bare string for a complex attribute with a value sub-attribute is its value; rejected with strict", () => {
    const body = user({ schemas: [USER_URN, ENTERPRISE_URN], [ENTERPRISE_URN]: { manager: "m-1" } });
    expect(parseCreate(userIndex, body)[ENTERPRISE_URN]).toStrictEqual({ manager: { value: "m-1" } });
    expect(scimError(() => parseCreate(userIndex, body, { strict: true })).scimType).toBe("invalidValue");
  });

  it("RFC 7644 §3.3: the input body is not mutated", () => {
    const body = user({ id: "x", Name: { givenName: "B" }, active: "True" });
    const copy = structuredClone(body);
    parseCreate(userIndex, body);
    expect(body).toStrictEqual(copy);
  });
});
