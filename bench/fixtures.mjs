// The shared benchmark inputs of ../shared/bench/README.md, built the same way for every
// workload. SCIM_BENCH_FIXTURES overrides the directory.

import { readFileSync } from "node:fs";

const dir = process.env.SCIM_BENCH_FIXTURES
  ? new URL(`file://${process.env.SCIM_BENCH_FIXTURES.replace(/\/?$/, "/")}`)
  : new URL("../../shared/bench/", import.meta.url);

/** A parsed copy of a fixture file, e.g. `fixture("user.json")`. */
export function fixture(name) {
  return JSON.parse(readFileSync(new URL(name, dir), "utf8"));
}

/**
 * W2e: 1,000 copies of user.json with id "u<i>", userName "user<i>" except i = 500 → "bjensen",
 * and title deleted for odd i.
 */
export function users1000() {
  const base = fixture("user.json");
  const users = [];
  for (let i = 0; i < 1000; i++) {
    const user = structuredClone(base);
    user.id = `u${i}`;
    user.userName = i === 500 ? "bjensen" : `user${i}`;
    if (i % 2 === 1) delete user.title;
    users.push(user);
  }
  return users;
}
