import { describe, expect, it } from "vitest";
import { parseAttributeList, serialize, withoutValueFilters, writtenPaths } from "../src/project/index.js";
import { ENTERPRISE_URN, USER_URN, deepFreeze, rfcFullUser, scimError, userIndex } from "./validate-fixtures.js";

const stored: Record<string, unknown> = deepFreeze({
  ...rfcFullUser(),
  schemas: [USER_URN, ENTERPRISE_URN],
  [ENTERPRISE_URN]: { employeeNumber: "701984", manager: { value: "m1", $ref: "../Users/m1", displayName: "Boss" } },
});

describe("parseAttributeList (RFC 7644 §3.4.2.5, §3.10)", () => {
  const paths = (text: string) => parseAttributeList(userIndex, text).map((r) => r.path);

  it("RFC 7644 §3.4.2.5: comma-separated names, any case, spaces trimmed, duplicates once", () => {
    expect(paths("userName, DISPLAYNAME,userName")).toStrictEqual(["userName", "displayName"]);
  });

  it("RFC 7644 §3.10: sub-attribute paths and URN-qualified paths", () => {
    expect(paths("name.givenName,emails.value")).toStrictEqual(["name.givenName", "emails.value"]);
    expect(paths(`${ENTERPRISE_URN}:manager,${ENTERPRISE_URN}:manager.value,${USER_URN}:name.familyName`)).toStrictEqual([
      `${ENTERPRISE_URN}:manager`,
      `${ENTERPRISE_URN}:manager.value`,
      "name.familyName",
    ]);
  });

  it("RFC 7644 §3.10: a bare extension URN names all its attributes", () => {
    expect(paths(ENTERPRISE_URN)).toContain(`${ENTERPRISE_URN}:employeeNumber`);
  });

  it("RFC 7644 §3.4.2.5: unknown names and too-deep paths are ignored", () => {
    expect(paths("nope,name.nope,name.givenName.x,urn:x:y:z,,")).toStrictEqual([]);
    expect(parseAttributeList(userIndex, ["userName", "title,nickName"]).map((r) => r.path)).toStrictEqual(["userName", "title", "nickName"]);
  });
});

describe("lenient attribute lists (Microsoft Entra ID)", () => {
  const paths = (text: string) => parseAttributeList(userIndex, text).map((r) => r.path);
  it('a value filter names its attribute: emails[type eq "work"] projects emails; commas inside the filter do not split', () => {
    expect(paths('emails[type eq "work"]')).toStrictEqual(["emails"]);
    expect(paths('emails[value co "a,b"].value,title')).toStrictEqual(["emails.value", "title"]);
    expect(serialize(userIndex, stored, { attributes: 'emails[type eq "work"]' })).toHaveProperty("emails");
  });
});

describe("serialize (RFC 7644 §3.4.2.5, §3.9; RFC 7643 §7 returned)", () => {
  it("RFC 7643 §7: writeOnly / returned never (password) never appears, with or without attributes", () => {
    expect(serialize(userIndex, stored)).not.toHaveProperty("password");
    expect(serialize(userIndex, stored, { attributes: "password" })).not.toHaveProperty("password");
    expect(serialize(userIndex, stored, { written: "password" })).not.toHaveProperty("password");
  });

  it("RFC 7644 §3.4.2.5 attributes: only the named ones, plus id and schemas (always)", () => {
    expect(serialize(userIndex, stored, { attributes: "userName,name.givenName" })).toStrictEqual({
      schemas: stored.schemas,
      id: stored.id,
      userName: "bjensen@example.com",
      name: { givenName: "Barbara" },
    });
  });

  it("RFC 7644 §3.4.2.5 attributes: a sub-attribute of a multi-valued attribute projects every value", () => {
    expect(serialize(userIndex, stored, { attributes: "emails.value" }).emails).toStrictEqual([
      { value: "bjensen@example.com" },
      { value: "babs@jensen.org" },
    ]);
  });

  it("RFC 7644 §3.10 attributes: URN-qualified extension paths", () => {
    expect(serialize(userIndex, stored, { attributes: `${ENTERPRISE_URN}:manager.value` })).toStrictEqual({
      schemas: stored.schemas,
      id: stored.id,
      [ENTERPRISE_URN]: { manager: { value: "m1" } },
    });
    expect(serialize(userIndex, stored, { attributes: ENTERPRISE_URN })[ENTERPRISE_URN]).toStrictEqual(stored[ENTERPRISE_URN]);
  });

  it("RFC 7644 §3.4.2.5 excludedAttributes: the defaults except those named", () => {
    const out = serialize(userIndex, stored, { excludedAttributes: `emails,name.givenName,meta,${ENTERPRISE_URN}:manager` });
    expect(out).not.toHaveProperty("emails");
    expect(out).not.toHaveProperty("meta");
    expect(out.name).not.toHaveProperty("givenName");
    expect(out.name).toHaveProperty("familyName");
    expect(out[ENTERPRISE_URN]).toStrictEqual({ employeeNumber: "701984" });
    expect(out.userName).toBe("bjensen@example.com");
  });

  it("RFC 7643 §7 always: id and schemas are returned even when excluded or not named", () => {
    const out = serialize(userIndex, stored, { excludedAttributes: "id,schemas,userName" });
    expect(out.id).toBe(stored.id);
    expect(out.schemas).toStrictEqual(stored.schemas);
    expect(out).not.toHaveProperty("userName");
  });

  it("RFC 7644 §3.4.2.5: attributes and excludedAttributes together → 400 invalidValue", () => {
    expect(scimError(() => serialize(userIndex, stored, { attributes: "userName", excludedAttributes: "emails" }))).toMatchObject({
      status: 400,
      scimType: "invalidValue",
    });
    // blank lists count as not given
    expect(serialize(userIndex, stored, { attributes: "userName", excludedAttributes: " " })).toHaveProperty("userName");
  });

  it("RFC 7644 §3.4.2.5: unknown names in the lists are ignored", () => {
    expect(serialize(userIndex, stored, { excludedAttributes: "nope,name.nope" })).toStrictEqual(serialize(userIndex, stored));
    expect(serialize(userIndex, stored, { attributes: "nope" })).toStrictEqual({ schemas: stored.schemas, id: stored.id });
  });

  it("RFC 7643 §2.1: output spells names as the schema does; keys the schema does not declare are left out", () => {
    const messy = { SCHEMAS: [USER_URN], ID: "u1", USERNAME: "b", Name: { GIVENNAME: "B" }, junk: 1, [ENTERPRISE_URN.toUpperCase()]: { DIVISION: "D" } };
    expect(serialize(userIndex, messy)).toStrictEqual({
      schemas: [USER_URN],
      id: "u1",
      userName: "b",
      name: { givenName: "B" },
      [ENTERPRISE_URN]: { division: "D" },
    });
  });

  it("RFC 7644 §3.4.2.5: the result shares no object or array with the resource", () => {
    const out = serialize(userIndex, stored) as { emails: { value: string }[]; schemas: string[] };
    out.emails[0]!.value = "changed";
    out.schemas.push("x");
    expect((stored.emails as { value: string }[])[0]!.value).toBe("bjensen@example.com");
  });
});

describe("written paths (RFC 7643 §7 returned: request)", () => {
  it("RFC 7644 §3.5.2: value filters are removed from PATCH paths", () => {
    expect(withoutValueFilters('emails[type eq "work"].value')).toBe("emails.value");
    expect(withoutValueFilters('members[value eq "a]b\\"c"]')).toBe("members");
  });

  it("RFC 7644 §3.3: writtenPaths lists the top-level attributes a body set, URN-qualified for extensions", () => {
    expect(writtenPaths(userIndex, { schemas: [USER_URN, ENTERPRISE_URN], userName: "b", [ENTERPRISE_URN]: { division: "D" } })).toStrictEqual([
      "schemas",
      "userName",
      `${ENTERPRISE_URN}:division`,
    ]);
  });
});
