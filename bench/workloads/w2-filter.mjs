// W2 (parse the filter) and W2e (evaluate it, compiled once, over 1,000 users): see
// ../shared/bench/README.md. Peers: scim2-parse-filter, scim-query-filter-parser, scimmy.

import { createRequire } from "node:module";
import SCIMMY from "scimmy";
import { users1000 } from "../fixtures.mjs";

const require = createRequire(import.meta.url);
const scim2 = require("scim2-parse-filter");
const sqfp = require("scim-query-filter-parser");

export const W2_FILTER = 'userName eq "bjensen" and (emails[type eq "work" and value co "@example.com"] or title pr)';

export function cases(lib) {
  const users = users1000();
  // The façade method when wired; the service functions otherwise.
  const compile =
    typeof lib.UserResourceType.matches === "function"
      ? (f) => lib.UserResourceType.matches(f)
      : (f) => lib.compileFilter(lib.resourceIndex(lib.UserResourceType), f);

  const onlyBjensen = (matched) => {
    if (!Array.isArray(matched)) return "not an array of matches";
    if (matched.length !== 1) return `${matched.length} matches instead of 1`;
    return matched[0].id === "u500" || `matched ${matched[0].id} instead of u500`;
  };

  // A parse is right when the parsed filter, evaluated by the same library, selects exactly
  // the one expected user.
  const parseChecks = {
    scimtype: (ast) => onlyBjensen(users.filter(compile(ast))),
    "scim2-parse-filter": (ast) => onlyBjensen(users.filter(scim2.filter(ast))),
    "scim-query-filter-parser": (predicate) => onlyBjensen(users.filter(predicate)),
    scimmy: (parsed) => onlyBjensen(parsed.match(users)),
  };

  const ours = compile(W2_FILTER);
  const scim2Predicate = scim2.filter(scim2.parse(W2_FILTER));
  const sqfpPredicate = sqfp.compileFilter(W2_FILTER);
  const scimmyFilter = new SCIMMY.Types.Filter(W2_FILTER);

  return [
    {
      id: "W2",
      name: "parse the W2 filter (scim-query-filter-parser can only parse and compile together)",
      ours: () => lib.parseFilter(W2_FILTER),
      peers: {
        "scim2-parse-filter": () => scim2.parse(W2_FILTER),
        "scim-query-filter-parser": () => sqfp.compileFilter(W2_FILTER),
        scimmy: () => new SCIMMY.Types.Filter(W2_FILTER),
      },
      check: (result, who) => parseChecks[who](result),
      targets: { "scim2-parse-filter": 1.5 },
    },
    {
      id: "W2e",
      name: "evaluate the W2 filter, compiled once, over 1,000 users (exactly 1 match)",
      ours: () => users.filter(ours),
      peers: {
        "scim2-parse-filter": () => users.filter(scim2Predicate),
        "scim-query-filter-parser": () => users.filter(sqfpPredicate),
        scimmy: () => scimmyFilter.match(users),
      },
      check: onlyBjensen,
      targets: { "scim2-parse-filter": 3 },
    },
  ];
}
