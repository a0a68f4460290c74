// The top-level keys each context keeps, written out once: test/validate-parity.test.ts holds
// the runtime to these lists, test/validate-parity.test-d.ts holds the type-level views to them.
import { CUSTOM_EXT_URN, ENTERPRISE_URN } from "./validate-fixtures.js";

const USER_OPTIONAL = [
  "externalId",
  "name",
  "displayName",
  "nickName",
  "profileUrl",
  "title",
  "userType",
  "preferredLanguage",
  "locale",
  "timezone",
  "active",
  "emails",
  "phoneNumbers",
  "ims",
  "photos",
  "addresses",
  "entitlements",
  "roles",
  "x509Certificates",
] as const;

export const USER_KEYS = {
  input: { required: ["schemas", "userName"], optional: [...USER_OPTIONAL, "password", ENTERPRISE_URN] },
  resource: { required: ["schemas", "id", "meta", "userName"], optional: [...USER_OPTIONAL, "groups", ENTERPRISE_URN] },
} as const;

export const GROUP_KEYS = {
  input: { required: ["schemas", "displayName"], optional: ["externalId", "members"] },
  resource: { required: ["schemas", "id", "meta", "displayName"], optional: ["externalId", "members"] },
} as const;

export const GADGET_KEYS = {
  input: {
    required: ["schemas", "serial", "label", CUSTOM_EXT_URN],
    optional: [
      "externalId",
      "rwAlways",
      "rwNever",
      "rwDefault",
      "rwRequest",
      "imAlways",
      "imNever",
      "imDefault",
      "imRequest",
      "woAlways",
      "woNever",
      "woDefault",
      "woRequest",
      "tags",
      "born",
      "spec",
      "parts",
      "frozen",
    ],
  },
  resource: {
    required: ["schemas", "id", "meta", "serial", "label", CUSTOM_EXT_URN],
    optional: [
      "externalId",
      "roAlways",
      "roDefault",
      "roRequest",
      "rwAlways",
      "rwDefault",
      "rwRequest",
      "imAlways",
      "imDefault",
      "imRequest",
      "tags",
      "born",
      "spec",
      "parts",
      "frozen",
    ],
  },
} as const;
