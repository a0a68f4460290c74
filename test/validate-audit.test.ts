import { describe, expect, it } from "vitest";
import { REDACTED, redactValue, reportViolation, type ViolationEvent } from "../src/audit.js";
import { ENTERPRISE_URN, gadgetIndex, userIndex } from "./validate-fixtures.js";

describe("audit events (DESIGN §4: every rejected or ignored attempt is reported)", () => {
  it("RFC 7643 §7 writeOnly: values are redacted in events, whole or inside a complex value", () => {
    expect(redactValue(userIndex.resolve(undefined, "password")!, "secret")).toBe(REDACTED);
    const frozen = gadgetIndex.resolve(undefined, "frozen")!;
    expect(redactValue(frozen, { a: "x", PIN: "1234" })).toStrictEqual({ a: "x", pin: REDACTED });
    const spec = gadgetIndex.resolve(undefined, "spec")!;
    expect(redactValue(spec, { color: "red", secret: "s", junk: "?" })).toStrictEqual({ color: "red", secret: REDACTED });
  });

  it("RFC 7643 §7: non-secret values pass through (arrays copied)", () => {
    const groups = userIndex.resolve(undefined, "groups")!;
    const value = [{ value: "g1", display: "G" }];
    const out = redactValue(groups, value);
    expect(out).toStrictEqual(value);
    expect(out).not.toBe(value);
    expect(redactValue(userIndex.resolve(ENTERPRISE_URN, "manager", "displayName")!, "Boss")).toBe("Boss");
  });

  it("DESIGN §4: reportViolation builds the full event, with operationIndex for PATCH", () => {
    const events: ViolationEvent[] = [];
    reportViolation((e) => events.push(e), userIndex.resolve(undefined, "id")!, {
      kind: "patch",
      resourceType: "User",
      resourceId: "u1",
      path: "id",
      stored: "u1",
      attempted: "u2",
      action: "rejected",
      operationIndex: 2,
    });
    expect(events).toStrictEqual([
      {
        kind: "patch",
        resourceType: "User",
        resourceId: "u1",
        path: "id",
        mutability: "readOnly",
        stored: "u1",
        attempted: "u2",
        action: "rejected",
        operationIndex: 2,
      },
    ]);
    reportViolation(undefined, userIndex.resolve(undefined, "id")!, events[0]!);
  });
});
