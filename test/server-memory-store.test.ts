import { describe, expect, it } from "vitest";
import { ScimError } from "../src/index.js";
import { type IndexEntries, MemoryStore } from "../src/server/index.js";

const none: IndexEntries = { unique: [], members: [], display: undefined };
const res = <E extends Record<string, unknown>>(id: string, version = 'W/"1"', extra?: E) => ({ id, meta: { version }, ...(extra as E) });
const statusOf = async (p: Promise<unknown>) => {
  try {
    await p;
    return 0;
  } catch (e) {
    return ScimError.is(e) ? e.status : -1;
  }
};

describe("MemoryStore (the Store contract behind RFC 7644 §3)", () => {
  it("copies on the way in and out: callers can never mutate stored state", async () => {
    const store = new MemoryStore();
    const input = res("a", 'W/"1"', { tags: ["x"] as string[] });
    await store.create("T", input, none);
    input.tags.push("mutated-in");
    const out = (await store.get("T", "a")) as { tags: string[] };
    expect(out.tags).toEqual(["x"]);
    out.tags.push("mutated-out");
    expect(((await store.get("T", "a")) as { tags: string[] }).tags).toEqual(["x"]);
    const listed = (await store.list("T", { filter: undefined, matches: undefined, compare: undefined, startIndex: 1, count: 10 })).resources[0] as { tags: string[] };
    listed.tags.push("mutated-list");
    expect(((await store.get("T", "a")) as { tags: string[] }).tags).toEqual(["x"]);
  });
  it("create refuses a duplicate id (409); replace/delete of a missing id are 404; a stale expectedVersion is 412", async () => {
    const store = new MemoryStore();
    await store.create("T", res("a"), none);
    expect(await statusOf(store.create("T", res("a"), none))).toBe(409);
    expect(await statusOf(store.replace("T", "zz", res("zz"), none))).toBe(404);
    expect(await statusOf(store.delete("T", "zz"))).toBe(404);
    expect(await statusOf(store.replace("T", "a", res("a", 'W/"2"'), none, 'W/"9"'))).toBe(412);
    expect(await statusOf(store.delete("T", "a", { expectedVersion: 'W/"9"' }))).toBe(412);
    await store.replace("T", "a", res("a", 'W/"2"'), none, 'W/"1"');
    expect(await statusOf(store.delete("T", "a", { expectedVersion: 'W/"2"' }))).toBe(0);
    expect(store.size("T")).toBe(0);
  });
  it("unique keys are checked atomically with the write, per resource type, and released on change and delete", async () => {
    const store = new MemoryStore();
    const key = (v: string): IndexEntries => ({ unique: [{ attribute: "userName", value: v }], members: [], display: undefined });
    await store.create("User", res("a"), key("x"));
    expect(await statusOf(store.create("User", res("b"), key("x")))).toBe(409);
    expect(await statusOf(store.create("Other", res("b"), key("x")))).toBe(0);
    await store.create("User", res("c"), key("y"));
    expect(await statusOf(store.replace("User", "c", res("c"), key("x")))).toBe(409);
    await store.replace("User", "a", res("a"), key("z"));
    expect(await statusOf(store.replace("User", "c", res("c"), key("x")))).toBe(0);
    await store.delete("User", "c");
    expect(await statusOf(store.create("User", res("d"), key("x")))).toBe(0);
  });
  it("concurrent async callers: of 50 simultaneous conditional replaces from one version exactly one wins", async () => {
    const store = new MemoryStore();
    await store.create("T", res("a"), none);
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => statusOf(store.replace("T", "a", res("a", `W/"w${i}"`), none, 'W/"1"'))),
    );
    expect(results.filter((s) => s === 0)).toHaveLength(1);
    expect(results.filter((s) => s === 412)).toHaveLength(49);
  });
  it("list applies matches, then compare, then the 1-based page; totalResults counts every match", async () => {
    const store = new MemoryStore();
    for (const [i, n] of [5, 3, 9, 1, 7].entries()) await store.create("T", res(`r${i}`, 'W/"1"', { n }), none);
    const q = {
      filter: undefined,
      matches: (r: Readonly<Record<string, unknown>>) => (r.n as number) > 1,
      compare: (a: Readonly<Record<string, unknown>>, b: Readonly<Record<string, unknown>>) => (a.n as number) - (b.n as number),
      startIndex: 2,
      count: 2,
    };
    const page = await store.list("T", q);
    expect(page.totalResults).toBe(4);
    expect(page.resources.map((r) => r.n)).toEqual([5, 7]);
    expect((await store.list("T", { ...q, count: 0 })).resources).toEqual([]);
    expect((await store.list("Nothing", q)).totalResults).toBe(0);
  });
  it("memberships answers a batch of ids from the members index; delete calls detach for each holder atomically", async () => {
    const store = new MemoryStore();
    await store.create("Group", res("g1", 'W/"1"', { members: ["u1", "u2"] }), { unique: [], members: ["u1", "u2"], display: "One" });
    await store.create("Group", res("g2", 'W/"1"', { members: ["u1"] }), { unique: [], members: ["u1"], display: "Two" });
    const m = await store.memberships(["u1", "u2", "u3"]);
    expect(m.get("u1")?.map((x) => x.id)).toEqual(["g1", "g2"]);
    expect(m.get("u2")).toEqual([{ resourceType: "Group", id: "g1", display: "One" }]);
    expect(m.get("u3") ?? []).toEqual([]);
    await store.create("User", res("u1"), none);
    const seen: string[] = [];
    await store.delete("User", "u1", {
      detach: (type, holder) => {
        seen.push(`${type}/${String(holder.id)}`);
        const members = (holder.members as string[]).filter((x) => x !== "u1");
        return { resource: { ...holder, members }, index: { unique: [], members, display: "changed" } };
      },
    });
    expect(seen.sort()).toEqual(["Group/g1", "Group/g2"]);
    expect((await store.memberships(["u1"])).get("u1") ?? []).toEqual([]);
    expect((await store.memberships(["u2"])).get("u2")?.[0]?.display).toBe("changed");
    expect((await store.get("Group", "g2"))?.members).toEqual([]);
    // a throwing detach leaves everything as it was
    await store.create("User", res("u2"), none);
    await expect(store.delete("User", "u2", { detach: () => { throw new Error("boom"); } })).rejects.toThrow("boom");
    expect(await store.get("User", "u2")).toBeDefined();
  });
});
