// Provisioning mistakes the compiler catches. Every line that ends in `// error: <why>` must
// fail to compile, and no other line may: test/client-examples.test.ts compiles this file with
// the TypeScript API and compares. The resource types are those the reference server serves:
// Employee `employeeId` and `hireDate` are immutable, `id`, `meta` and `groups` readOnly, and
// every sub-attribute of a Group member is immutable.
import { PATCH_OP_URN, GroupSchema, UserSchema } from "scimtype";
import { EMPLOYEE_URN } from "../reference-server/resource-types.js";
import type { SyncClient } from "./sync.js";

export async function mistakes(client: SyncClient, userId: string, groupId: string): Promise<void> {
  // These compile: readWrite attributes, and a new member carrying its (immutable) identity.
  await client.User.patch(userId, (p) => p.replace("title", "Tour Guide").replace("active", false));
  await client.Group.patch(groupId, (p) => p.add("members", [{ value: userId, type: "User" }]));
  // A PUT may repeat immutable values (the server checks them against the stored ones).
  await client.User.replace(userId, { schemas: [UserSchema.id, EMPLOYEE_URN], userName: "bjensen", [EMPLOYEE_URN]: { employeeId: "E-1001" } });

  await client.User.patch(userId, (p) => p.replace(`${EMPLOYEE_URN}:employeeId`, "E-2002")); // error: employeeId is immutable
  await client.User.patch(userId, (p) => p.replace("urn:example:params:scim:schemas:extension:reference:2.0:Employee:hireDate", "2020-01-01T00:00:00Z")); // error: hireDate is immutable
  await client.User.patch(userId, (p) => p.remove(`${EMPLOYEE_URN}:employeeId`)); // error: removing a stored immutable value changes it
  await client.User.patch(userId, (p) => p.replace({ displayName: "Babs", id: "u-2" })); // error: id is readOnly, in a no-path replace too
  await client.User.patch(userId, (p) => p.replace("id", "u-2")); // error: id is readOnly
  await client.User.patch(userId, (p) => p.replace("meta.lastModified", "2020-01-01T00:00:00Z")); // error: meta is readOnly
  await client.User.patch(userId, (p) => p.add("groups", [{ value: groupId }])); // error: groups is readOnly (membership changes go through the Group)
  await client.Group.patch(groupId, (p) => p.replace('members[value eq "u-1"].display', "Babs")); // error: a member's display is immutable
  await client.User.create({ schemas: [UserSchema.id], userName: "bjensen", id: "u-1" }); // error: id is readOnly, so not part of CreateInput
  await client.User.replace(userId, { schemas: [UserSchema.id], userName: "bjensen", groups: [{ value: groupId }] }); // error: groups is readOnly, so not part of ReplaceInput
  await client.Group.create({ schemas: [GroupSchema.id], displayName: "Guides", meta: { resourceType: "Group" } }); // error: meta is readOnly
  await client.User.patch(userId, { schemas: [PATCH_OP_URN], Operations: [{ op: "replace", path: "id", value: "u-2" }] }); // error: a hand-written PatchOp body is checked as well
  await client.User.patch(userId, (p) => p.replace("active", "yes")); // error: active is a boolean
}
