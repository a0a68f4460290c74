import { describe, expect, it } from "vitest";
import type { ViolationEvent } from "../src/audit.js";
import { serialize } from "../src/project/index.js";
import { parseCreate, parseReplace } from "../src/validate/index.js";
import { CUSTOM_EXT_URN, CUSTOM_URN, deepFreeze, gadgetIndex, scimError } from "./validate-fixtures.js";

const MUTABILITIES = { ro: "readOnly", rw: "readWrite", im: "immutable", wo: "writeOnly" } as const;
const RETURNEDS = ["Always", "Never", "Default", "Request"] as const;
const combos = Object.entries(MUTABILITIES).flatMap(([prefix, mutability]) =>
  RETURNEDS.map((r) => ({ name: `${prefix}${r}`, mutability, returned: r.toLowerCase() as "always" | "never" | "default" | "request" })),
);

const base = { schemas: [CUSTOM_URN, CUSTOM_EXT_URN], serial: "S", label: "L", [CUSTOM_EXT_URN]: { badge: "B" } };
const stored = deepFreeze({
  ...base,
  id: "g1",
  meta: { resourceType: "Gadget" },
  ...Object.fromEntries(combos.map((c) => [c.name, `stored-${c.name}`])),
});

describe("custom schema: every mutability × returned combination (RFC 7643 §7)", () => {
  for (const { name, mutability, returned } of combos) {
    describe(`${name} (${mutability}, returned ${returned})`, () => {
      it(`RFC 7644 §3.3 POST: ${mutability === "readOnly" ? "dropped and reported as ignored" : "kept"}`, () => {
        const events: ViolationEvent[] = [];
        const out = parseCreate(gadgetIndex, { ...base, [name]: "sent" }, { onViolation: (e) => events.push(e) });
        if (mutability === "readOnly") {
          expect(out).not.toHaveProperty(name);
          // a returned: "never" value is a secret too: redacted in the event
          const attempted = returned === "never" ? "[redacted]" : "sent";
          expect(events).toMatchObject([{ path: name, mutability: "readOnly", action: "ignored", attempted }]);
        } else {
          expect(out[name]).toBe("sent");
          expect(events).toStrictEqual([]);
        }
      });

      it(`RFC 7644 §3.5.1 PUT with a new value: ${
        { readOnly: "ignored, stored kept", readWrite: "replaced", immutable: "400 mutability", writeOnly: "replaced" }[mutability]
      }`, () => {
        const body = { ...base, [name]: "sent" };
        if (mutability === "immutable") {
          expect(scimError(() => parseReplace(gadgetIndex, body, stored))).toMatchObject({ status: 400, scimType: "mutability" });
          return;
        }
        const out = parseReplace(gadgetIndex, body, stored);
        expect(out[name]).toBe(mutability === "readOnly" ? `stored-${name}` : "sent");
      });

      it(`RFC 7644 §3.5.1 PUT omitting it: ${
        { readOnly: "kept", readWrite: "cleared", immutable: "kept", writeOnly: "cleared" }[mutability]
      }`, () => {
        const out = parseReplace(gadgetIndex, base, stored);
        if (mutability === "readOnly" || mutability === "immutable") expect(out[name]).toBe(`stored-${name}`);
        else expect(out).not.toHaveProperty(name);
      });

      const hidden = mutability === "writeOnly" || returned === "never";
      it(`RFC 7643 §7 serialize by default: ${hidden ? "never returned" : returned === "request" ? "absent" : "returned"}`, () => {
        const out = serialize(gadgetIndex, stored);
        if (hidden || returned === "request") expect(out).not.toHaveProperty(name);
        else expect(out[name]).toBe(`stored-${name}`);
      });

      it(`RFC 7644 §3.4.2.5 serialize with attributes naming another attribute: ${!hidden && returned === "always" ? "returned" : "absent"}`, () => {
        const out = serialize(gadgetIndex, stored, { attributes: "label" });
        if (!hidden && returned === "always") expect(out[name]).toBe(`stored-${name}`);
        else expect(out).not.toHaveProperty(name);
      });

      it(`RFC 7644 §3.4.2.5 serialize with attributes naming it: ${hidden ? "still never returned" : "returned"}`, () => {
        const out = serialize(gadgetIndex, stored, { attributes: name.toUpperCase() });
        if (hidden) expect(out).not.toHaveProperty(name);
        else expect(out[name]).toBe(`stored-${name}`);
      });

      it(`RFC 7644 §3.4.2.5 serialize with excludedAttributes naming it: ${!hidden && returned === "always" ? "returned anyway" : "absent"}`, () => {
        const out = serialize(gadgetIndex, stored, { excludedAttributes: name });
        if (!hidden && returned === "always") expect(out[name]).toBe(`stored-${name}`);
        else expect(out).not.toHaveProperty(name);
      });

      it(`RFC 7643 §7 serialize after a write that set it: ${hidden ? "never returned" : "returned"}`, () => {
        const out = serialize(gadgetIndex, stored, { written: [name] });
        if (hidden) expect(out).not.toHaveProperty(name);
        else expect(out[name]).toBe(`stored-${name}`);
      });
    });
  }
});

describe("custom schema: sub-attribute returned characteristics (RFC 7643 §7)", () => {
  const withSpec = deepFreeze({
    ...stored,
    spec: { model: "M", color: "red", secret: "s3cr3t", checksum: "c", note: "n", code: "k" },
  });

  it("RFC 7643 §7: writeOnly/never sub-attributes never appear; request ones only on request; always ones always", () => {
    expect(serialize(gadgetIndex, withSpec).spec).toStrictEqual({ model: "M", color: "red", checksum: "c", code: "k" });
    expect(serialize(gadgetIndex, withSpec, { attributes: "spec.note" }).spec).toStrictEqual({ note: "n", code: "k" });
    expect(serialize(gadgetIndex, withSpec, { attributes: "spec" }).spec).toStrictEqual({
      model: "M",
      color: "red",
      checksum: "c",
      note: "n",
      code: "k",
    });
    expect(serialize(gadgetIndex, withSpec, { excludedAttributes: "spec" }).spec).toStrictEqual({ code: "k" });
    expect(serialize(gadgetIndex, withSpec, { attributes: "label" }).spec).toStrictEqual({ code: "k" });
    expect(serialize(gadgetIndex, withSpec, { written: "spec.note" }).spec).toHaveProperty("note", "n");
  });

  it("RFC 7643 §7: readOnly extension attributes are dropped on POST and kept from existing on PUT", () => {
    const body = { ...base, [CUSTOM_EXT_URN]: { badge: "B", audited: "2020-01-01T00:00:00Z" } };
    expect(parseCreate(gadgetIndex, body)[CUSTOM_EXT_URN]).toStrictEqual({ badge: "B" });
    const existing = deepFreeze({ ...stored, [CUSTOM_EXT_URN]: { badge: "B", audited: "2019-01-01T00:00:00Z" } });
    expect(parseReplace(gadgetIndex, body, existing)[CUSTOM_EXT_URN]).toStrictEqual({ badge: "B", audited: "2019-01-01T00:00:00Z" });
  });
});
