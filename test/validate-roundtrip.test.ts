import { describe, expect, it } from "vitest";
import type { ViolationEvent } from "../src/audit.js";
import { serialize } from "../src/project/index.js";
import { compileValidators, parseCreate, parseReplace, parseResource } from "../src/validate/index.js";
import { deepFreeze, groupIndex, rfcFullUser, rfcGroup, userIndex } from "./validate-fixtures.js";

function without(obj: Record<string, unknown>, ...keys: string[]): Record<string, unknown> {
  const copy = { ...obj };
  for (const key of keys) delete copy[key];
  return copy;
}

describe("RFC 7643 §8.2 full User round-trip", () => {
  const stored = deepFreeze(rfcFullUser());

  it("RFC 7643 §8.2 / RFC 7644 §3.3: POSTing the representation stores it without id, meta and readOnly groups, password kept", () => {
    const events: ViolationEvent[] = [];
    const created = parseCreate(userIndex, stored, { onViolation: (e) => events.push(e) });
    expect(created).toStrictEqual(without(stored, "id", "meta", "groups"));
    expect(events.map((e) => e.path)).toStrictEqual(["id", "groups", "meta"]);
  });

  it("RFC 7643 §8.2 / RFC 7644 §3.5.1: PUT of the representation against itself yields it unchanged, no violation reported", () => {
    const events: ViolationEvent[] = [];
    expect(parseReplace(userIndex, stored, stored, { onViolation: (e) => events.push(e) })).toStrictEqual(stored);
    expect(events).toStrictEqual([]);
  });

  it("RFC 7643 §8.2 / §7: serialize returns the representation minus the writeOnly password", () => {
    expect(serialize(userIndex, stored)).toStrictEqual(without(stored, "password"));
  });

  it("RFC 7643 §8.2: created + server-assigned id, meta and groups → serialize equals the RFC figure (password hidden)", () => {
    const created = parseCreate(userIndex, stored);
    const full = { ...created, id: stored.id, meta: stored.meta, groups: stored.groups };
    expect(serialize(userIndex, full)).toStrictEqual(without(stored, "password"));
  });

  it("RFC 7643 §8.2: the resource validator accepts the representation and drops the secret", () => {
    expect(parseResource(userIndex, stored)).toStrictEqual(without(stored, "password"));
    const result = compileValidators(userIndex).resource.safeParse(stored);
    expect(result.success).toBe(true);
  });
});

describe("RFC 7643 §8.4 Group round-trip", () => {
  const stored = deepFreeze(rfcGroup());

  it("RFC 7643 §8.4 / RFC 7644 §3.3: POST stores displayName and members, without id and meta", () => {
    expect(parseCreate(groupIndex, stored)).toStrictEqual(without(stored, "id", "meta"));
  });

  it("RFC 7643 §8.4 / RFC 7644 §3.5.1: PUT against itself yields it unchanged", () => {
    expect(parseReplace(groupIndex, stored, stored)).toStrictEqual(stored);
  });

  it("RFC 7643 §8.4: serialize returns the representation as is", () => {
    expect(serialize(groupIndex, stored)).toStrictEqual(stored);
  });

  it("RFC 7643 §8.4: the resource validator accepts it", () => {
    expect(parseResource(groupIndex, stored)).toStrictEqual(stored);
  });
});
