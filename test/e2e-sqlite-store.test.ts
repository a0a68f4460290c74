// The reference server's SQLite store on its own: the Store contract (scimtype/server) — copy
// in/copy out, 404/409/412, unique keys, memberships, delete with detach — plus what is
// specific to it: the filter push-down returns exactly what a full scan returns, and
// everything survives closing and reopening the file.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { parseFilter } from "scimtype";
import type { IndexEntries, StoredResource } from "scimtype/server";
import { ReferenceUser, indexedAttributes } from "../examples/reference-server/resource-types.js";
import { SqliteStore } from "../examples/reference-server/sqlite-store.js";

const dir = mkdtempSync(join(tmpdir(), "scimtype-store-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
const open = (path = join(dir, `s${++n}.db`)): SqliteStore => new SqliteStore({ path, indexedAttributes, synchronous: "normal" });
const none: IndexEntries = { unique: [], members: [], display: undefined };
const user = (id: string, userName: string, extra: Record<string, unknown> = {}): StoredResource => ({
  schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
  id,
  userName,
  meta: { resourceType: "User", version: `W/"${id}-1"` },
  ...extra,
});
const userIndex = (userName: string): IndexEntries => ({
  unique: [{ attribute: "userName", value: userName.toLowerCase() }],
  members: [],
  display: undefined,
});
const page = { startIndex: 1, count: 100, compare: undefined } as const;

describe("SqliteStore", () => {
  test("copy in, copy out; 404, 409, 412", async () => {
    const store = open();
    const input = { ...user("u1", "Alice"), emails: [{ value: "a@x.org" }] };
    await store.create("User", input, userIndex("Alice"));
    const got = await store.get("User", "u1");
    expect(got).toEqual(input);
    expect(got).not.toBe(input);
    expect(await store.get("User", "nope")).toBeUndefined();
    expect(await store.get("Group", "u1")).toBeUndefined();
    await expect(store.create("User", user("u1", "Other"), userIndex("Other"))).rejects.toMatchObject({ status: 409, scimType: "uniqueness" });
    await expect(store.create("User", user("u2", "ALICE"), userIndex("ALICE"))).rejects.toMatchObject({ status: 409, scimType: "uniqueness" });
    await expect(store.replace("User", "u9", user("u9", "x"), none)).rejects.toMatchObject({ status: 404 });
    await expect(store.replace("User", "u1", user("u1", "Alice"), userIndex("Alice"), 'W/"stale"')).rejects.toMatchObject({ status: 412 });
    await store.replace("User", "u1", { ...user("u1", "Alicia"), meta: { version: 'W/"u1-2"' } }, userIndex("Alicia"), 'W/"u1-1"');
    // The old unique key is released with the replace.
    await store.create("User", user("u2", "alice"), userIndex("alice"));
    await expect(store.delete("User", "u2", { expectedVersion: 'W/"x"' })).rejects.toMatchObject({ status: 412 });
    await store.delete("User", "u2");
    await expect(store.delete("User", "u2")).rejects.toMatchObject({ status: 404 });
    store.close();
  });

  test("a failed write changes nothing", async () => {
    const store = open();
    await store.create("User", user("u1", "a"), userIndex("a"));
    await store.create("User", user("u2", "b"), userIndex("b"));
    await expect(store.replace("User", "u2", user("u2", "a"), userIndex("a"))).rejects.toMatchObject({ status: 409 });
    expect((await store.get("User", "u2"))?.userName).toBe("b");
    store.close();
  });

  test("list: creation order, paging, count 0, sort", async () => {
    const store = open();
    for (const [i, name] of ["carol", "alice", "bob"].entries()) await store.create("User", user(`u${i}`, name), userIndex(name));
    const all = await store.list("User", { ...page, filter: undefined, matches: undefined });
    expect(all.resources.map((r) => r.userName)).toEqual(["carol", "alice", "bob"]);
    const second = await store.list("User", { filter: undefined, matches: undefined, compare: undefined, startIndex: 2, count: 1 });
    expect(second).toEqual({ totalResults: 3, resources: [expect.objectContaining({ userName: "alice" })] });
    expect(await store.list("User", { filter: undefined, matches: undefined, compare: undefined, startIndex: 1, count: 0 })).toEqual({
      totalResults: 3,
      resources: [],
    });
    const sorted = await store.list("User", { ...page, filter: undefined, matches: undefined, compare: ReferenceUser.compare("userName", "ascending") });
    expect(sorted.resources.map((r) => r.userName)).toEqual(["alice", "bob", "carol"]);
    store.close();
  });

  test("filter push-down selects exactly what a full scan selects", async () => {
    const store = open();
    const emp = "urn:example:params:scim:schemas:extension:reference:2.0:Employee";
    const data = [
      user("u1", "Bjensen", { emails: [{ value: "B@x.org", type: "work" }], externalId: "E1", [emp]: { employeeId: "A-1" } }),
      user("u2", "jsmith", { emails: [{ value: "j@x.org", type: "home" }], externalId: "e1" }),
      user("u3", "bjensen2", { emails: [{ value: "b@x.org", type: "home" }], [emp]: { employeeId: "a-1" } }),
    ];
    for (const r of data) await store.create("User", r, userIndex(String(r.userName)));
    const filters = [
      'userName eq "BJENSEN"',
      'USERNAME eq "bjensen"',
      'externalId eq "e1"', // caseExact: only u2
      'emails.value eq "b@x.org"',
      'emails[value eq "b@x.org" and type eq "work"]',
      'userName eq "bjensen" or userName eq "jsmith"',
      'userName eq "bjensen" and active eq true',
      `${emp}:employeeId eq "A-1"`,
      'userName eq "nobody"',
      'userName sw "bj"',
      'not (userName eq "jsmith")',
    ];
    for (const text of filters) {
      const matches = ReferenceUser.matches(text);
      const pushed = await store.list("User", { ...page, filter: parseFilter(text), matches });
      const scanned = data.filter((r) => matches(r)).map((r) => r.id);
      expect(pushed.resources.map((r) => r.id), text).toEqual(scanned);
    }
    store.close();
  });

  test("memberships and delete with detach, in one transaction", async () => {
    const store = open();
    await store.create("User", user("u1", "a"), userIndex("a"));
    await store.create("User", user("u2", "b"), userIndex("b"));
    const group = (id: string, name: string, members: string[]): StoredResource => ({
      id,
      displayName: name,
      members: members.map((value) => ({ value })),
      meta: { version: `W/"${id}"` },
    });
    await store.create("Group", group("g1", "Admins", ["u1", "u2"]), { unique: [], members: ["u1", "u2"], display: "Admins" });
    await store.create("Group", group("g2", "Ops", ["u1"]), { unique: [], members: ["u1"], display: "Ops" });
    const m = await store.memberships(["u1", "u2", "u3"]);
    expect(m.get("u1")).toEqual([
      { resourceType: "Group", id: "g1", display: "Admins" },
      { resourceType: "Group", id: "g2", display: "Ops" },
    ]);
    expect(m.get("u2")).toEqual([{ resourceType: "Group", id: "g1", display: "Admins" }]);
    expect(m.get("u3") ?? []).toEqual([]);

    // A throwing detach rolls the whole delete back.
    await expect(
      store.delete("User", "u1", {
        detach: () => {
          throw new Error("boom");
        },
      }),
    ).rejects.toThrow("boom");
    expect(await store.get("User", "u1")).toBeDefined();

    await store.delete("User", "u1", {
      detach: (_type, holder) => {
        const members = (holder.members as { value: string }[]).filter((x) => x.value !== "u1");
        return {
          resource: { ...holder, members, meta: { version: `W/"${String(holder.id)}-2"` } },
          index: { unique: [], members: members.map((x) => x.value), display: String(holder.displayName) },
        };
      },
    });
    expect((await store.get("Group", "g1"))?.members).toEqual([{ value: "u2" }]);
    expect((await store.get("Group", "g2"))?.members).toEqual([]);
    expect((await store.memberships(["u1"])).get("u1") ?? []).toEqual([]);
    store.close();
  });

  test("everything survives closing and reopening the file; the audit table too", async () => {
    const path = join(dir, "reopen.db");
    const first = open(path);
    await first.create("User", user("u1", "a"), userIndex("a"));
    first.recordViolation({
      kind: "patch",
      resourceType: "User",
      resourceId: "u1",
      path: "id",
      mutability: "readOnly",
      stored: "u1",
      attempted: "u2",
      action: "rejected",
      operationIndex: 0,
    });
    first.close();
    const second = open(path);
    expect((await second.get("User", "u1"))?.userName).toBe("a");
    await expect(second.create("User", user("u2", "A"), userIndex("A"))).rejects.toMatchObject({ status: 409 });
    expect(second.auditLog()).toEqual([
      expect.objectContaining({ kind: "patch", resourceId: "u1", path: "id", stored: "u1", attempted: "u2", operationIndex: 0 }),
    ]);
    expect(String(second.db.pragma("journal_mode", { simple: true }))).toBe("wal");
    second.close();
  });
});
