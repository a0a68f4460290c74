// W3: validate the inbound User of ../shared/bench/user-inbound.json as a POST body
// (../shared/bench/README.md), against scimmy's inbound coercion of the same body.

import SCIMMY from "scimmy";
import { fixture } from "../fixtures.mjs";

const ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

// scimmy's User schema is a process-wide singleton; the body carries the Enterprise User
// extension, so scimmy needs it declared on User (once, whichever workload comes first).
function scimmyUserWithEnterprise() {
  const definition = SCIMMY.Schemas.User.definition;
  if (!definition.attributes.some((a) => a?.id === ENTERPRISE)) {
    definition.extend(SCIMMY.Schemas.EnterpriseUser.definition);
  }
}

export function cases(lib) {
  const body = fixture("user-inbound.json");
  scimmyUserWithEnterprise();
  // The façade method when wired; the service function otherwise.
  const parseCreate =
    typeof lib.UserResourceType.parseCreate === "function"
      ? (b) => lib.UserResourceType.parseCreate(b)
      : (b) => lib.parseCreate(lib.resourceIndex(lib.UserResourceType), b);

  // Both must read the body the same way where it matters: values typed, the extension
  // under its URN, one primary email, nothing server-assigned.
  const check = (result) => {
    if (result === null || typeof result !== "object") return "not an object";
    if (result.userName !== "bjensen@example.com") return `userName ${result.userName}`;
    if (result.active !== true) return `active ${result.active}`;
    if (!Array.isArray(result.emails) || result.emails.length !== 3) return "emails not 3 values";
    if (result.emails.filter((e) => e.primary === true).length !== 1) return "not exactly one primary email";
    const ext = result[ENTERPRISE];
    if (ext?.employeeNumber !== "701984") return "enterprise employeeNumber missing";
    if (ext?.manager?.value !== "26118915-6090-4610-87e4-49d8ca9f808d") return "enterprise manager.value missing";
    if (result.id !== undefined) return "id present in a POST body";
    return true;
  };

  return [
    {
      id: "W3",
      name: "validate the inbound User as a POST body (user-inbound.json)",
      ours: () => parseCreate(body),
      peers: {
        scimmy: () => new SCIMMY.Schemas.User(body, "in"),
      },
      check,
      targets: { scimmy: 20 },
    },
  ];
}
