// W1 (a 5-operation PATCH of a realistic User) and W4/W5 (add one member to a group of 1,000 /
// 10,000 members), plus 100,000 members and 1,000 members added at once to 100,000, to show
// O(n + k): see ../shared/bench/README.md. Object in → object out, the input left untouched:
// scim-patch runs with `mutateDocument: false` (it deep-copies), scimmy patches a schema
// instance, fast-json-patch (plain RFC 6902, no SCIM semantics) is the floor.

import fastJsonPatch from "fast-json-patch";
import { scimPatch } from "scim-patch";
import SCIMMY from "scimmy";
import { fixture } from "../fixtures.mjs";

const ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

function scimmyUserWithEnterprise() {
  const definition = SCIMMY.Schemas.User.definition;
  if (!definition.attributes.some((a) => a?.id === ENTERPRISE)) {
    definition.extend(SCIMMY.Schemas.EnterpriseUser.definition);
  }
}

const pad = (i) => String(i).padStart(12, "0");
function member(i) {
  const value = `00000000-0000-4000-8000-${pad(i)}`;
  return { value, display: `User ${i}`, $ref: `https://example.com/v2/Users/${value}`, type: "User" };
}

function group(n) {
  const g = fixture("group-empty.json");
  g.members = Array.from({ length: n }, (_, i) => member(i));
  return g;
}

const plain = (r) => JSON.parse(JSON.stringify(r));

export function cases(lib) {
  scimmyUserWithEnterprise();
  const U = lib.UserResourceType;
  const G = lib.GroupResourceType;
  const user = fixture("user.json");
  const w1 = fixture("w1-patch.json");
  const w5 = fixture("w5-add-member.json");
  const userSnapshot = JSON.stringify(user);

  const checkW1 = (result) => {
    const r = plain(result);
    if (JSON.stringify(user) !== userSnapshot) return "the input was modified";
    if (r.name?.givenName !== "Babs") return `givenName ${r.name?.givenName}`;
    const phones = (r.phoneNumbers ?? []).map((p) => p.type).sort().join(",");
    if (phones !== "home,work") return `phone types ${phones}`;
    const work = (r.emails ?? []).find((e) => e.type === "work");
    if (work?.value !== "babs@work.example.com") return `work email ${work?.value}`;
    if (r[ENTERPRISE]?.manager?.value !== "new-manager-id") return `manager ${r[ENTERPRISE]?.manager?.value}`;
    return true;
  };

  // fast-json-patch needs positions: the floor knows them in advance (index 1 is the mobile phone, 0 the work email).
  const w1Floor = [
    { op: "replace", path: "/name/givenName", value: "Babs" },
    { op: "add", path: "/phoneNumbers/-", value: { value: "555-555-1234", type: "home" } },
    { op: "replace", path: "/emails/0/value", value: "babs@work.example.com" },
    { op: "remove", path: "/phoneNumbers/1" },
    { op: "replace", path: `/${ENTERPRISE}/manager/value`, value: "new-manager-id" },
  ];
  const scimmyUser = new SCIMMY.Schemas.User(user, "out");

  const cases = [
    {
      id: "W1",
      name: "5-operation PATCH of a realistic User, all mutability checks on",
      ours: () => U.applyPatch(user, w1).resource,
      peers: {
        "scim-patch": () => scimPatch(user, w1.Operations, { mutateDocument: false, treatMissingAsAdd: true }),
        scimmy: async () => new SCIMMY.Messages.PatchOp(w1).apply(scimmyUser),
        "fast-json-patch (floor)": () => fastJsonPatch.applyPatch(user, w1Floor, false, false).newDocument,
      },
      check: checkW1,
      targets: { "scim-patch": 1.5 },
    },
  ];

  const addOne = (id, n, targets, withScimmy) => {
    const g = group(n);
    const snapshot = g.members.length;
    const check = (result) => {
      const r = result.members ? result : plain(result);
      if (g.members.length !== snapshot) return "the input was modified";
      if (r.members.length !== n + 1) return `${r.members.length} members instead of ${n + 1}`;
      return r.members[n].value === w5.Operations[0].value[0].value || "the new member is not last";
    };
    const scimmyGroup = withScimmy ? new SCIMMY.Schemas.Group(g, "out") : undefined;
    cases.push({
      id,
      name: `add 1 member to a group of ${n.toLocaleString("en-US")} members`,
      ours: () => G.applyPatch(g, w5).resource,
      peers: {
        "scim-patch": () => scimPatch(g, w5.Operations, { mutateDocument: false, treatMissingAsAdd: true }),
        ...(withScimmy ? { scimmy: async () => new SCIMMY.Messages.PatchOp(w5).apply(scimmyGroup) } : {}),
        "fast-json-patch (floor)": () =>
          fastJsonPatch.applyPatch(g, [{ op: "add", path: "/members/-", value: w5.Operations[0].value[0] }], false, false).newDocument,
      },
      check,
      targets,
    });
  };
  addOne("W4", 1_000, undefined, true);
  addOne("W5", 10_000, { "scim-patch": 8 }, true);
  addOne("W5x", 100_000, undefined, false);

  // O(n + k): 1,000 new members at once into 100,000.
  const big = group(100_000);
  const thousand = {
    schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
    Operations: [{ op: "add", path: "members", value: Array.from({ length: 1000 }, (_, i) => member(200_000 + i)) }],
  };
  cases.push({
    id: "W5k",
    name: "add 1,000 members at once to a group of 100,000 members",
    ours: () => G.applyPatch(big, thousand).resource,
    peers: {
      "scim-patch": () => scimPatch(big, thousand.Operations, { mutateDocument: false, treatMissingAsAdd: true }),
    },
    check: (r) => (r.members.length === 101_000 && big.members.length === 100_000) || `${r.members.length} members`,
  });
  return cases;
}
