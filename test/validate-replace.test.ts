import { describe, expect, it } from "vitest";
import type { ViolationEvent } from "../src/audit.js";
import { parseCreate, parseReplace } from "../src/validate/index.js";
import {
  CUSTOM_EXT_URN,
  CUSTOM_URN,
  ENTERPRISE_URN,
  GROUP_URN,
  USER_URN,
  deepFreeze,
  gadgetIndex,
  groupIndex,
  scimError,
  userIndex,
} from "./validate-fixtures.js";

const META = {
  resourceType: "User",
  created: "2010-01-23T04:56:22Z",
  lastModified: "2011-05-13T04:42:34Z",
  version: 'W/"1"',
  location: "https://example.com/v2/Users/u1",
};

const storedUser = deepFreeze({
  schemas: [USER_URN, ENTERPRISE_URN],
  id: "u1",
  meta: META,
  userName: "bjensen",
  displayName: "Babs",
  password: "old-secret",
  groups: [{ value: "g1", display: "Tour Guides" }],
  [ENTERPRISE_URN]: { employeeNumber: "7", manager: { value: "m1", displayName: "Boss" } },
});

function collect() {
  const events: ViolationEvent[] = [];
  return { events, onViolation: (e: ViolationEvent) => events.push(e) };
}

describe("parseReplace (RFC 7644 §3.5.1), existing deep-frozen", () => {
  it("RFC 7644 §3.5.1: returns the full resource; id, meta and readOnly values from existing; body order is (body, existing)", () => {
    const out = parseReplace(userIndex, { schemas: [USER_URN], userName: "bjensen", nickName: "B" }, storedUser);
    expect(out).toStrictEqual({
      schemas: [USER_URN],
      id: "u1",
      meta: META,
      userName: "bjensen",
      nickName: "B",
      groups: [{ value: "g1", display: "Tour Guides" }],
    });
  });

  it("RFC 7644 §3.5.1 readOnly: body values (id, meta, groups) ignored and taken from existing; differing ones reported as ignored", () => {
    const { events, onViolation } = collect();
    const out = parseReplace(
      userIndex,
      {
        schemas: [USER_URN],
        id: "attacker",
        meta: { ...META, version: 'W/"999"' },
        userName: "bjensen",
        groups: [{ value: "admins" }],
      },
      storedUser,
      { onViolation },
    );
    expect(out.id).toBe("u1");
    expect(out.meta).toStrictEqual(META);
    expect(out.groups).toStrictEqual(storedUser.groups);
    expect(events.map((e) => [e.path, e.mutability, e.action, e.kind, e.resourceId])).toStrictEqual([
      ["id", "readOnly", "ignored", "replace", "u1"],
      ["meta", "readOnly", "ignored", "replace", "u1"],
      ["groups", "readOnly", "ignored", "replace", "u1"],
    ]);
    expect(events[0]).toMatchObject({ stored: "u1", attempted: "attacker", resourceType: "User" });
  });

  it("RFC 7644 §3.5.1 readOnly: a body repeating the stored readOnly values (a GET echoed back) reports nothing", () => {
    const { events, onViolation } = collect();
    parseReplace(userIndex, { ...storedUser, schemas: [USER_URN, ENTERPRISE_URN] }, storedUser, { onViolation });
    expect(events).toStrictEqual([]);
  });

  it("RFC 7644 §3.5.1 readOnly sub-attribute: manager.displayName kept from existing while manager stays assigned", () => {
    const { events, onViolation } = collect();
    const body = {
      schemas: [USER_URN, ENTERPRISE_URN],
      userName: "bjensen",
      [ENTERPRISE_URN]: { manager: { value: "m1", displayName: "Someone else" } },
    };
    const out = parseReplace(userIndex, body, storedUser, { onViolation });
    expect(out[ENTERPRISE_URN]).toStrictEqual({ manager: { value: "m1", displayName: "Boss" } });
    expect(events).toMatchObject([{ path: `${ENTERPRISE_URN}:manager.displayName`, stored: "Boss", attempted: "Someone else", action: "ignored" }]);
    // manager cleared: its server-computed displayName goes with it
    const cleared = parseReplace(userIndex, { schemas: [USER_URN], userName: "bjensen" }, storedUser);
    expect(cleared[ENTERPRISE_URN]).toBeUndefined();
    expect(cleared.schemas).toStrictEqual([USER_URN]);
  });

  it("RFC 7644 §3.5.1 readWrite: omitted → cleared; present → replaced", () => {
    const out = parseReplace(userIndex, { schemas: [USER_URN], userName: "bjensen2" }, storedUser);
    expect(out.displayName).toBeUndefined();
    expect(out.userName).toBe("bjensen2");
    expect(out[ENTERPRISE_URN]).toBeUndefined();
  });

  it("RFC 7643 §7 writeOnly: body value kept (replaces the stored one); omitted → cleared", () => {
    expect(parseReplace(userIndex, { schemas: [USER_URN], userName: "b", password: "new" }, storedUser).password).toBe("new");
    expect(parseReplace(userIndex, { schemas: [USER_URN], userName: "b" }, storedUser).password).toBeUndefined();
  });

  it("RFC 7644 §3.5.1 required: a required readWrite attribute omitted → 400 invalidValue", () => {
    expect(scimError(() => parseReplace(userIndex, { schemas: [USER_URN] }, storedUser))).toMatchObject({
      status: 400,
      scimType: "invalidValue",
    });
  });

  it("DESIGN §7 limits: ignored readOnly values still obey the size limits", () => {
    const groups = Array.from({ length: 20 }, (_, i) => ({ value: `g${i}` }));
    const e = scimError(() => parseReplace(userIndex, { schemas: [USER_URN], userName: "b", groups }, storedUser, { maxArrayLength: 10 }));
    expect(e).toMatchObject({ status: 400, scimType: "invalidValue" });
    expect(e.detail).toContain("'groups'");
  });

  it("RFC 7644 §3.5.1: values kept from existing are trusted as stored, whatever their shape (no crash)", () => {
    const odd = deepFreeze({ ...storedGadget, parts: [null, "x"], tags: "not-an-array" });
    expect(parseReplace(gadgetIndex, gadget(), odd)).toMatchObject({ tags: "not-an-array" });
  });

  it("RFC 7644 §3.5.1: parse errors are those of parseCreate (types, unknown attributes, schemas)", () => {
    expect(scimError(() => parseReplace(userIndex, { schemas: [USER_URN], userName: 5 }, storedUser)).detail).toContain("'userName'");
    expect(scimError(() => parseReplace(userIndex, [], storedUser)).scimType).toBe("invalidSyntax");
  });
});

const storedGadget = deepFreeze({
  schemas: [CUSTOM_URN, CUSTOM_EXT_URN],
  id: "g1",
  meta: { resourceType: "Gadget" },
  roDefault: "server-set",
  serial: "S-1",
  label: "L",
  imDefault: "fixed",
  tags: ["a", "b"],
  born: "2020-01-01T00:00:00Z",
  spec: { model: "M1", color: "red", checksum: "c0ffee" },
  frozen: { a: "x", b: 1 },
  [CUSTOM_EXT_URN]: { badge: "B-1", level: 3, audited: "2021-01-01T00:00:00Z" },
});
const gadget = (extra: Record<string, unknown> = {}) => ({
  schemas: [CUSTOM_URN, CUSTOM_EXT_URN],
  label: "L",
  [CUSTOM_EXT_URN]: { level: 4 },
  ...extra,
});

describe("parseReplace immutable rules (RFC 7644 §3.5.1, RFC 7643 §7)", () => {
  it("RFC 7643 §7 immutable: a value equal to the stored one is fine, and the stored value is kept", () => {
    const out = parseReplace(gadgetIndex, gadget({ serial: "S-1", imDefault: "fixed", born: "2020-01-01T00:00:00.000+00:00" }), storedGadget);
    expect(out).toMatchObject({ serial: "S-1", imDefault: "fixed", born: "2020-01-01T00:00:00Z" });
  });

  it("RFC 7643 §7 immutable: an equal value compares per caseExact (RFC 7643 §2.3.1)", () => {
    expect(parseReplace(gadgetIndex, gadget({ imDefault: "FIXED" }), storedGadget).imDefault).toBe("fixed");
  });

  it("RFC 7643 §7 immutable: a different value → 400 mutability, reported as rejected, existing untouched", () => {
    const { events, onViolation } = collect();
    const e = scimError(() => parseReplace(gadgetIndex, gadget({ serial: "S-2" }), storedGadget, { onViolation }));
    expect(e).toMatchObject({ status: 400, scimType: "mutability" });
    expect(e.detail).toContain("'serial'");
    expect(events).toStrictEqual([
      {
        kind: "replace",
        resourceType: "Gadget",
        resourceId: "g1",
        path: "serial",
        mutability: "immutable",
        stored: "S-1",
        attempted: "S-2",
        action: "rejected",
      },
    ]);
    expect(storedGadget.serial).toBe("S-1");
  });

  it("RFC 7643 §7 immutable: no stored value → applied", () => {
    expect(parseReplace(gadgetIndex, gadget({ imAlways: "first" }), storedGadget).imAlways).toBe("first");
  });

  it("RFC 7643 §7 immutable: omitted (or null, RFC 7643 §2.5) with a stored value → kept", () => {
    const out = parseReplace(gadgetIndex, gadget(), storedGadget);
    expect(out).toMatchObject({ serial: "S-1", imDefault: "fixed", tags: ["a", "b"], [CUSTOM_EXT_URN]: { badge: "B-1", level: 4 } });
    expect(parseReplace(gadgetIndex, gadget({ serial: null, tags: [] }), storedGadget)).toMatchObject({ serial: "S-1", tags: ["a", "b"] });
  });

  it("RFC 7643 §2.4 immutable multi-valued: compared as an unordered set", () => {
    expect(parseReplace(gadgetIndex, gadget({ tags: ["b", "a"] }), storedGadget).tags).toStrictEqual(["a", "b"]);
    expect(scimError(() => parseReplace(gadgetIndex, gadget({ tags: ["a"] }), storedGadget)).scimType).toBe("mutability");
    expect(scimError(() => parseReplace(gadgetIndex, gadget({ tags: ["a", "b", "c"] }), storedGadget)).scimType).toBe("mutability");
  });

  it("RFC 7643 §7 immutable extension attribute: checked under its URN path", () => {
    const e = scimError(() => parseReplace(gadgetIndex, gadget({ [CUSTOM_EXT_URN]: { badge: "B-2" } }), storedGadget));
    expect(e).toMatchObject({ scimType: "mutability" });
    expect(e.detail).toContain(`'${CUSTOM_EXT_URN}:badge'`);
  });

  it("RFC 7643 §7 immutable sub-attribute of a readWrite complex: spec.model fixed, spec.color replaced, spec.checksum (readOnly) kept", () => {
    const out = parseReplace(gadgetIndex, gadget({ spec: { model: "m1", color: "blue", checksum: "forged" } }), storedGadget);
    expect(out.spec).toStrictEqual({ model: "M1", color: "blue", checksum: "c0ffee" });
    expect(scimError(() => parseReplace(gadgetIndex, gadget({ spec: { model: "M2" } }), storedGadget)).detail).toContain("'spec.model'");
    // spec omitted: the immutable model is kept, the readWrite color cleared
    expect(parseReplace(gadgetIndex, gadget(), storedGadget).spec).toStrictEqual({ model: "M1", checksum: "c0ffee" });
  });

  it("RFC 7643 §7 immutable complex: its sub-attributes are fixed once set, unset ones may be set", () => {
    expect(parseReplace(gadgetIndex, gadget({ frozen: { a: "x", b: 1 } }), storedGadget).frozen).toStrictEqual({ a: "x", b: 1 });
    expect(parseReplace(gadgetIndex, gadget({ frozen: { b: 1, pin: "1234" } }), storedGadget).frozen).toStrictEqual({ a: "x", b: 1, pin: "1234" });
    expect(scimError(() => parseReplace(gadgetIndex, gadget({ frozen: { a: "y" } }), storedGadget)).detail).toContain("'frozen.a'");
  });

  it("RFC 7643 §7: writeOnly values in audit events are redacted", () => {
    const stored = deepFreeze({ ...storedGadget, frozen: { a: "x", pin: "1234" } });
    const { events, onViolation } = collect();
    scimError(() => parseReplace(gadgetIndex, gadget({ frozen: { pin: "9999" } }), stored, { onViolation }));
    expect(events).toMatchObject([{ path: "frozen.pin", stored: "[redacted]", attempted: "[redacted]", action: "rejected" }]);
  });
});

const M1 = { value: "u1", $ref: "https://example.com/v2/Users/u1", type: "User", display: "Alice" };
const M2 = { value: "u2", $ref: "https://example.com/v2/Users/u2", type: "User", display: "Bob" };
const storedGroup = deepFreeze({ schemas: [GROUP_URN], id: "grp", meta: { resourceType: "Group" }, displayName: "G", members: [M1, M2] });
const group = (members: unknown) => ({ schemas: [GROUP_URN], displayName: "G", members });

describe("parseReplace of Group members: immutable sub-attributes (RFC 7643 §4.2, errata.md defect 7)", () => {
  it("RFC 7643 §4.2: whole values may be added", () => {
    const M3 = { value: "u3", type: "Group", display: "Carol" };
    expect(parseReplace(groupIndex, group([M1, M2, M3]), storedGroup).members).toStrictEqual([M1, M2, M3]);
  });

  it("RFC 7643 §4.2: whole values may be removed (and all of them, members omitted)", () => {
    expect(parseReplace(groupIndex, group([M2]), storedGroup).members).toStrictEqual([M2]);
    expect(parseReplace(groupIndex, { schemas: [GROUP_URN], displayName: "G" }, storedGroup).members).toBeUndefined();
    expect(parseReplace(groupIndex, group([]), storedGroup).members).toBeUndefined();
  });

  it("RFC 7643 §4.2: a value matching a stored one by `value` with a different immutable display → 400 mutability", () => {
    const { events, onViolation } = collect();
    const e = scimError(() => parseReplace(groupIndex, group([{ ...M1, display: "Mallory" }, M2]), storedGroup, { onViolation }));
    expect(e).toMatchObject({ status: 400, scimType: "mutability" });
    expect(e.detail).toContain(`members[value eq "u1"].display`);
    expect(events).toMatchObject([
      { path: 'members[value eq "u1"].display', mutability: "immutable", stored: "Alice", attempted: "Mallory", action: "rejected", resourceId: "grp" },
    ]);
  });

  it("RFC 7643 §4.2: … or a different immutable type or $ref → 400 mutability", () => {
    expect(scimError(() => parseReplace(groupIndex, group([{ ...M1, type: "Group" }]), storedGroup)).detail).toContain(
      'members[value eq "u1"].type',
    );
    expect(scimError(() => parseReplace(groupIndex, group([{ ...M2, $ref: "https://evil/u2" }]), storedGroup)).detail).toContain(
      'members[value eq "u2"].$ref',
    );
  });

  it("RFC 7643 §4.2 (other direction): a body value omitting a stored immutable sub-attribute keeps it (Entra sends only value)", () => {
    expect(parseReplace(groupIndex, group([{ value: "u1" }, { value: "u2" }]), storedGroup).members).toStrictEqual([M1, M2]);
  });

  it("RFC 7643 §4.2 (other direction): an unassigned immutable sub-attribute of a stored value may be set", () => {
    const stored = deepFreeze({ ...storedGroup, members: [{ value: "u1" }] });
    expect(parseReplace(groupIndex, group([{ value: "u1", display: "Alice", type: "User" }]), stored).members).toStrictEqual([
      { value: "u1", type: "User", display: "Alice" },
    ]);
  });

  it("RFC 7643 §2.3.1: display compares case-insensitively (caseExact false), value case-exactly (errata 8472, derived)", () => {
    expect(parseReplace(groupIndex, group([{ value: "u1", display: "ALICE" }]), storedGroup).members).toStrictEqual([M1]);
    // "U1" is another member id: a new whole value, not a change of u1
    expect(parseReplace(groupIndex, group([{ value: "U1", display: "Someone" }]), storedGroup).members).toStrictEqual([
      { value: "U1", display: "Someone" },
    ]);
  });

  it("RFC 7643 §4.2: a removed value re-added with other sub-attributes is a new value, not a change", () => {
    expect(parseReplace(groupIndex, group([{ value: "u3", display: "Alice" }]), storedGroup).members).toStrictEqual([
      { value: "u3", display: "Alice" },
    ]);
  });

  it("RFC 7643 §2.4 custom multi-valued complex: readOnly sub-attributes come from the matching stored value, immutable ones are checked", () => {
    const stored = deepFreeze({
      ...storedGadget,
      parts: [{ value: "p1", kind: "bolt", label: "x", stamp: "s1" }],
    });
    const { events, onViolation } = collect();
    const out = parseReplace(gadgetIndex, gadget({ parts: [{ value: "p1", label: "y", stamp: "forged" }, { value: "p2", stamp: "t" }] }), stored, {
      onViolation,
    });
    expect(out.parts).toStrictEqual([{ value: "p1", kind: "bolt", label: "y", stamp: "s1" }, { value: "p2" }]);
    expect(events.map((e) => [e.path, e.stored, e.attempted, e.action])).toStrictEqual([
      ['parts[value eq "p1"].stamp', "s1", "forged", "ignored"],
      ['parts[value eq "p2"].stamp', undefined, "t", "ignored"],
    ]);
    expect(scimError(() => parseReplace(gadgetIndex, gadget({ parts: [{ value: "p1", kind: "nut" }] }), stored)).scimType).toBe("mutability");
  });

  it("RFC 7644 §3.5.1: existing is never mutated (deep-frozen) and a created resource round-trips through replace", () => {
    const created = parseCreate(groupIndex, group([M1]));
    const stored = deepFreeze({ ...created, id: "grp2", meta: { resourceType: "Group" } });
    expect(parseReplace(groupIndex, group([M1]), stored)).toStrictEqual(stored);
  });
});
