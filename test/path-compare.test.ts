import { describe, expect, it } from "vitest";
import { compileComparator } from "../src/path/compare.js";
import { ENTERPRISE, deviceIndex, userIndex, type Resource } from "./path-fixtures.js";
import { catchScimError as error } from "./support/scim-error.js";


const sorted = (list: Resource[], sortBy: string, order?: "ascending" | "descending", index = userIndex) =>
  [...list].sort(compileComparator(index, sortBy, order)).map((r) => r.id);

describe("compileComparator (RFC 7644 §3.4.2.3)", () => {
  const people: Resource[] = [
    { id: "1", userName: "carol", name: { familyName: "Zeta" }, meta: { created: "2020-01-02T00:00:00Z" } },
    { id: "2", userName: "Bob", meta: { created: "2019-12-31T23:00:00-02:00" } },
    { id: "3", userName: "alice", name: { familyName: "alpha" }, meta: { created: "2020-01-01T00:00:00Z" } },
    { id: "4", name: { familyName: "Beta" } },
  ];

  it("sorts case-insensitive strings ignoring case, ascending by default", () => {
    expect(sorted(people, "userName")).toEqual(["3", "2", "1", "4"]);
    expect(sorted(people, "name.familyName", "ascending")).toEqual(["3", "4", "1", "2"]);
  });

  it("puts unassigned values last when ascending and first when descending", () => {
    expect(sorted(people, "userName", "descending")).toEqual(["4", "1", "2", "3"]);
    expect(sorted(people, "name.familyName", "descending")).toEqual(["2", "1", "4", "3"]);
  });

  it("sorts caseExact strings by code unit", () => {
    const list = [{ id: "b" }, { id: "B" }, { id: "a" }, { id: "A" }];
    expect(sorted(list, "id")).toEqual(["A", "B", "a", "b"]);
  });

  it("sorts dateTime by instant", () => {
    // id 2 was created at 2020-01-01T01:00:00Z.
    expect(sorted(people, "meta.created")).toEqual(["3", "2", "1", "4"]);
  });

  it("sorts a multi-valued attribute by its primary value, else its first", () => {
    const list: Resource[] = [
      { id: "p", emails: [{ value: "zed@x" }, { value: "amy@x", primary: true }] },
      { id: "q", emails: [{ value: "bob@x" }, { value: "aaa@x" }] },
      { id: "r", emails: [] },
      { id: "s", emails: [{ value: "Abe@x" }] },
    ];
    expect(sorted(list, "emails")).toEqual(["s", "p", "q", "r"]);
    expect(sorted(list, "emails.value")).toEqual(["s", "p", "q", "r"]);
  });

  it("sorts extension attributes, names case-insensitively", () => {
    const list: Resource[] = [
      { id: "x", [ENTERPRISE]: { employeeNumber: "20" } },
      { id: "y", [ENTERPRISE]: { employeeNumber: "100" } },
    ];
    expect(sorted(list, `${ENTERPRISE}:EMPLOYEENUMBER`)).toEqual(["y", "x"]);
  });

  it("sorts numbers numerically and booleans false first", () => {
    const list: Resource[] = [
      { id: "a", ports: 10, enabled: true },
      { id: "b", ports: 9, enabled: false },
      { id: "c", ports: "many" },
    ];
    expect(sorted(list, "ports", "ascending", deviceIndex)).toEqual(["b", "a", "c"]);
    expect(sorted(list, "enabled", "ascending", deviceIndex)).toEqual(["b", "a", "c"]);
  });

  it("rejects unknown or malformed sortBy and bad sortOrder with 400 invalidValue", () => {
    for (const run of [
      () => compileComparator(userIndex, "nosuch"),
      () => compileComparator(userIndex, "name.nosuch"),
      () => compileComparator(userIndex, "name..familyName"),
      () => compileComparator(userIndex, 'emails[type eq "work"]'),
      () => compileComparator(userIndex, "name"),
      () => compileComparator(userIndex, "userName", "sideways" as "ascending"),
    ]) {
      const e = error(run);
      expect(e.status).toBe(400);
      expect(e.scimType).toBe("invalidValue");
    }
    expect(error(() => compileComparator(userIndex, "nosuch")).detail).toBe(
      "sortBy 'nosuch' is not an attribute of the User resource type",
    );
  });
});
