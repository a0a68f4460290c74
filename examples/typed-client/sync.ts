// A provisioning job: reads a JSON file of employees and makes the SCIM server match it,
// creating or updating one user per employee and one group of a department's employees.
//
//   npm run serve                                   # the reference server, in another terminal
//   SCIM_TOKEN=… npx tsx examples/typed-client/sync.ts [employees.json]
//
// The client is typed by the resource types the reference server serves, so the job cannot
// even express a change the server would refuse: the employee id and hire date are immutable
// and set once at creation (see compile-errors.ts for what the compiler says otherwise).
import { readFile } from "node:fs/promises";
import { pathToFileURL } from "node:url";
import { EnterpriseUserSchema, GroupSchema, UserSchema, patch } from "scimtype";
import { createScimClient } from "scimtype/client";
import { EMPLOYEE_URN, ReferenceGroup, ReferenceUser } from "../reference-server/resource-types.js";

/** One line of the HR export. */
export interface Employee {
  employeeId: string;
  userName: string;
  givenName: string;
  familyName: string;
  title: string;
  department: string;
  hireDate: string;
  active: boolean;
}

/** What a run did. */
export interface SyncReport {
  created: string[];
  updated: string[];
  unchanged: string[];
  group: { id: string; members: number };
}

/** The client this job needs: the reference server's User and Group. */
export function connect(baseUrl: string, token: string | undefined, fetch?: (request: Request) => Promise<Response>) {
  return createScimClient({
    baseUrl,
    token,
    resourceTypes: [ReferenceUser, ReferenceGroup],
    ...(fetch !== undefined ? { fetch } : {}),
  });
}
export type SyncClient = ReturnType<typeof connect>;

const ENTERPRISE = EnterpriseUserSchema.id;

/** Creates or updates each employee's user, then the group of `department`'s employees. */
export async function syncEmployees(client: SyncClient, employees: readonly Employee[], department = "Engineering"): Promise<SyncReport> {
  const report: SyncReport = { created: [], updated: [], unchanged: [], group: { id: "", members: 0 } };
  const members: string[] = [];
  for (const e of employees) {
    // SCIM string literals are JSON strings, so JSON.stringify quotes a value safely in a filter.
    const { Resources: [existing] } = await client.User.list({ filter: `userName eq ${JSON.stringify(e.userName)}` });
    let id: string;
    if (existing === undefined) {
      const created = await client.User.create({
        schemas: [UserSchema.id, ENTERPRISE, EMPLOYEE_URN],
        userName: e.userName,
        name: { givenName: e.givenName, familyName: e.familyName },
        displayName: `${e.givenName} ${e.familyName}`,
        title: e.title,
        active: e.active,
        emails: [{ value: e.userName, type: "work", primary: true }],
        [ENTERPRISE]: { department: e.department },
        // Immutable: set here, once, and never sent again.
        [EMPLOYEE_URN]: { employeeId: e.employeeId, hireDate: e.hireDate },
      });
      id = created.id;
      report.created.push(e.userName);
    } else {
      id = existing.id;
      // Only what differs; the builder is immutable, each call returns a new one.
      let change = patch(ReferenceUser);
      if (existing.name?.givenName !== e.givenName || existing.name?.familyName !== e.familyName) {
        change = change.replace("name", { givenName: e.givenName, familyName: e.familyName });
      }
      if (existing.title !== e.title) change = change.replace("title", e.title);
      if (existing.active !== e.active) change = change.replace("active", e.active);
      if (existing[ENTERPRISE]?.department !== e.department) change = change.replace(`${ENTERPRISE}:department`, e.department);
      if (change.operations.length > 0) {
        // If-Match: if someone changed the user since we read it, the server answers 412.
        await client.User.patch(id, change, { ifMatch: existing });
        report.updated.push(e.userName);
      } else {
        report.unchanged.push(e.userName);
      }
    }
    if (e.department === department && e.active) members.push(id);
  }

  const { Resources: [group] } = await client.Group.list({ filter: `displayName eq ${JSON.stringify(department)}` });
  if (group === undefined) {
    const created = await client.Group.create({
      schemas: [GroupSchema.id],
      displayName: department,
      members: members.map((value) => ({ value, type: "User" })),
    });
    report.group = { id: created.id, members: members.length };
  } else {
    const present = new Set((group.members ?? []).map((m) => m.value));
    const wanted = new Set(members);
    let change = patch(ReferenceGroup);
    const added = members.filter((m) => !present.has(m));
    if (added.length > 0) change = change.add("members", added.map((value) => ({ value, type: "User" })));
    for (const m of present) if (m !== undefined && !wanted.has(m)) change = change.remove(`members[value eq ${JSON.stringify(m)}]`);
    if (change.operations.length > 0) await client.Group.patch(group.id, change, { ifMatch: group });
    report.group = { id: group.id, members: members.length };
  }
  return report;
}

async function main(): Promise<void> {
  const file = process.argv[2] ?? new URL("./employees.json", import.meta.url);
  const employees = JSON.parse(await readFile(file, "utf8")) as Employee[];
  const client = connect(process.env.SCIM_URL ?? "http://127.0.0.1:8080/scim/v2", process.env.SCIM_TOKEN);
  const report = await syncEmployees(client, employees);
  console.log(
    `created ${report.created.length}, updated ${report.updated.length}, unchanged ${report.unchanged.length}; ` +
      `group ${report.group.id} has ${report.group.members} member(s)`,
  );
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
