import type { ResolvedAttribute } from "../schema/schema-index.js";
import { isPresent, member, putBody, readAttribute, same, topOf, writeAttribute } from "./body.js";
import type { DiscoveredType } from "./discover.js";
import type { Exchange, Session } from "./session.js";
import type { CheckKind, CheckResult } from "./types.js";
import type { ValueFactory } from "./values.js";

type Json = Record<string, unknown>;
const PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

const RFC = {
  immutableCreate: 'RFC 7643 §7 immutable: "The attribute MAY be defined at resource creation (e.g., POST)"',
  immutablePut: 'RFC 7644 §3.5.1: an immutable value in a PUT must match the stored one, else 400 "mutability"',
  immutablePutSame: "RFC 7644 §3.5.1: a PUT repeating the stored immutable value is accepted",
  immutablePatch: 'RFC 7643 §7 immutable: "The attribute SHALL NOT be updated"; RFC 7644 §3.5.2: 400 "mutability"',
  immutableKept: 'RFC 7643 §7 immutable: "The attribute SHALL NOT be updated" (value unchanged after the attempts)',
  immutableAdd: "RFC 7643 §7 / RFC 7644 §3.5.1: an immutable attribute with no stored value may be set",
  readOnlyPost: 'RFC 7644 §3.3: readOnly attributes in a POST "SHALL be ignored"',
  readOnlyPut: 'RFC 7644 §3.5.1: readOnly values in a PUT "SHALL be ignored"',
  readOnlyPatch: 'RFC 7643 §7 readOnly: "The attribute SHALL NOT be modified"; RFC 7644 §3.5.2: 400 "mutability"',
  writeOnlyAccepted: "RFC 7643 §7 writeOnly: the attribute may be written",
  writeOnly: 'RFC 7643 §7 writeOnly: "the attribute value SHALL NOT be returned"',
  never: 'RFC 7643 §7 returned "never": "The attribute is never returned"',
  always: 'RFC 7643 §7 returned "always": returned "regardless of the contents of the "attributes" parameter"',
  requestDefault: 'RFC 7643 §7 returned "request": returned "only if the attribute is specified in the "attributes" parameter"',
  atomic: "RFC 7644 §3.5.2: a PATCH is atomic; when an operation fails the resource is left unchanged",
} as const;

/** The canonical PATCH path of an attribute: `name`, `parent.name`, `urn:…:name`. */
function pathOf(attribute: ResolvedAttribute): string {
  return attribute.path;
}

function scimType(ex: Exchange): unknown {
  return member(ex.json, "scimType");
}

function describe(ex: Exchange): string {
  const type = scimType(ex);
  return `${ex.response.status}${type !== undefined ? ` ${String(type)}` : ""}`;
}

const ok = (ex: Exchange): boolean => ex.response.status >= 200 && ex.response.status < 300;

/** The immutable, readOnly, writeOnly and `returned` checks, for one server. */
export class Verifier {
  readonly results: CheckResult[] = [];
  private readonly created: { endpoint: string; id: string }[] = [];
  private readonly memberIds = new Map<string, string | null>();

  constructor(
    private readonly session: Session,
    private readonly values: ValueFactory,
    private readonly kinds: ReadonlySet<CheckKind>,
    private readonly types: readonly DiscoveredType[],
    private readonly onCheck: ((check: CheckResult, done: number) => void) | undefined,
  ) {}

  // ---- recording ------------------------------------------------------------------------------

  private record(
    t: DiscoveredType,
    attribute: ResolvedAttribute | string,
    mutability: string,
    name: string,
    verdict: CheckResult["verdict"],
    ex: Exchange | undefined,
    rfc: string,
    detail: string,
  ): void {
    const path = typeof attribute === "string" ? attribute : pathOf(attribute);
    const check: CheckResult = {
      id: `${t.rt.name}.${path}.${name}`,
      resourceType: t.rt.name,
      attribute: path,
      mutability,
      verdict,
      request: ex?.request,
      response: ex?.response,
      rfc,
      detail,
    };
    this.results.push(check);
    this.onCheck?.(check, this.results.length);
  }

  private expectMutability(t: DiscoveredType, a: ResolvedAttribute, name: string, ex: Exchange, rfc: string): boolean {
    const pass = ex.response.status === 400 && scimType(ex) === "mutability";
    this.record(t, a, a.attribute.mutability, name, pass ? "pass" : "fail", ex, rfc, pass ? "400 mutability, as required" : `expected 400 with scimType "mutability", got ${describe(ex)}`);
    return pass;
  }

  // ---- requests ---------------------------------------------------------------------------------

  private async create(t: DiscoveredType, extras: readonly [ResolvedAttribute, unknown][]): Promise<{ ex: Exchange; id: string | undefined }> {
    const body = await this.baseBody(t, extras);
    const ex = await this.session.send("POST", t.rt.endpoint, body);
    const id = member(ex.json, "id");
    if (ok(ex) && typeof id === "string") {
      this.created.push({ endpoint: t.rt.endpoint, id });
      return { ex, id };
    }
    return { ex, id: undefined };
  }

  private read(t: DiscoveredType, id: string, query = ""): Promise<Exchange> {
    return this.session.send("GET", `${t.rt.endpoint}/${encodeURIComponent(id)}${query}`);
  }

  private patch(t: DiscoveredType, id: string, operations: Json[]): Promise<Exchange> {
    return this.session.send("PATCH", `${t.rt.endpoint}/${encodeURIComponent(id)}`, { schemas: [PATCH_OP], Operations: operations });
  }

  private put(t: DiscoveredType, id: string, body: Json): Promise<Exchange> {
    return this.session.send("PUT", `${t.rt.endpoint}/${encodeURIComponent(id)}`, body);
  }

  /** A valid POST body: the required attributes with generated values, then `extras`. */
  private async baseBody(t: DiscoveredType, extras: readonly [ResolvedAttribute, unknown][]): Promise<Json> {
    const body: Json = { schemas: [t.index.coreSchemaId] };
    const required: ResolvedAttribute[] = [];
    for (const a of t.index.attributes.values()) {
      if (a.attribute.required && a.attribute.mutability !== "readOnly" && a.name !== "schemas") required.push(a);
    }
    for (const ext of t.index.extensions.values()) {
      if (!ext.required) continue;
      for (const a of ext.attributes.values()) if (a.attribute.required && a.attribute.mutability !== "readOnly") required.push(a);
    }
    for (const a of required) {
      if (extras.some(([e]) => topOf(e) === a)) continue;
      writeAttribute(body, a, await this.generate(t, a));
    }
    for (const [a, value] of extras) writeAttribute(body, a, value);
    // an optional extension that the body now carries needs its own required attributes
    for (const ext of t.index.extensions.values()) {
      if (ext.required || member(body, ext.schema.id) === undefined) continue;
      for (const a of ext.attributes.values()) {
        if (!a.attribute.required || a.attribute.mutability === "readOnly" || readAttribute(body, a) !== undefined) continue;
        writeAttribute(body, a, await this.generate(t, a));
      }
    }
    return body;
  }

  /** A value for `attribute`; members-style values name a real resource (created on demand). */
  private async generate(t: DiscoveredType, attribute: ResolvedAttribute, variant = 0): Promise<unknown> {
    const value = this.values.value(attribute, variant);
    const ref = attribute.subAttributes?.get("$ref");
    const valueSub = attribute.subAttributes?.get("value");
    if (attribute.attribute.multiValued && ref !== undefined && valueSub !== undefined && Array.isArray(value)) {
      const target = await this.memberId(ref.attribute.referenceTypes ?? [], t);
      if (target === undefined) return undefined;
      return value.map((item) => ({ ...(item as Json), [valueSub.name]: target }));
    }
    return value;
  }

  /** The id of a resource the verifier created to serve as a member (`members[].value`). */
  private async memberId(referenceTypes: readonly string[], t: DiscoveredType): Promise<string | undefined> {
    const names = referenceTypes.map((r) => r.toLowerCase());
    const target = this.types.find((x) => names.includes(x.rt.name.toLowerCase()) && x !== t) ?? this.types.find((x) => names.includes(x.rt.name.toLowerCase()));
    if (target === undefined) return undefined;
    const cached = this.memberIds.get(target.rt.name);
    if (cached !== undefined) return cached ?? undefined;
    this.memberIds.set(target.rt.name, null);
    const { id } = await this.create(target, []);
    this.memberIds.set(target.rt.name, id ?? null);
    return id;
  }

  // ---- the checks -------------------------------------------------------------------------------

  /** Runs every selected check for one resource type. */
  async run(t: DiscoveredType): Promise<void> {
    const all: ResolvedAttribute[] = [];
    for (const a of t.index.attributes.values()) if (a.name !== "schemas") all.push(a);
    for (const ext of t.index.extensions.values()) all.push(...ext.attributes.values());
    for (const top of all) {
      await this.attribute(t, top);
      // sub-attributes whose rule differs from their parent's (members.display, manager.displayName)
      if (top.attribute.mutability === "readOnly") continue;
      for (const sub of top.subAttributes?.values() ?? []) {
        if (sub.attribute.mutability !== top.attribute.mutability || sub.attribute.returned !== "default") await this.attribute(t, sub);
      }
    }
    if (this.kinds.has("atomicity")) await this.atomicity(t);
  }

  private async attribute(t: DiscoveredType, a: ResolvedAttribute): Promise<void> {
    const m = a.attribute.mutability;
    if (m === "immutable" && this.kinds.has("immutable")) {
      if (a.parent !== undefined && a.parent.attribute.multiValued) await this.immutableElement(t, a);
      else if (a.parent === undefined || a.parent.attribute.mutability !== "immutable") await this.immutable(t, a);
    }
    if (m === "readOnly" && this.kinds.has("readOnly")) await this.readOnly(t, a);
    if (m === "writeOnly" && this.kinds.has("writeOnly")) await this.notReturned(t, a, "writeOnly", RFC.writeOnly, true);
    if (this.kinds.has("returned") && m !== "writeOnly") {
      if (a.attribute.returned === "never") await this.notReturned(t, a, "never", RFC.never, false);
      if (a.attribute.returned === "always") await this.returnedAlways(t, a);
      if (a.attribute.returned === "request") await this.returnedRequest(t, a);
    }
  }

  /** immutable: set at creation; PUT with another value and PATCH replace/remove → 400; unchanged; settable once when unassigned. */
  private async immutable(t: DiscoveredType, a: ResolvedAttribute): Promise<void> {
    const v1 = await this.generate(t, a);
    const created = await this.create(t, [[a, v1]]);
    if (created.id === undefined) {
      this.record(t, a, "immutable", "create-stores", "fail", created.ex, RFC.immutableCreate, `a POST setting it was refused: ${describe(created.ex)}`);
      return;
    }
    const id = created.id;
    const got = await this.read(t, id);
    const stored = readAttribute(got.json, a);
    if (!same(a, stored, v1)) {
      this.record(t, a, "immutable", "create-stores", "fail", got, RFC.immutableCreate, `set to ${JSON.stringify(v1)} at creation, the server returns ${JSON.stringify(stored)}`);
      return;
    }
    this.record(t, a, "immutable", "create-stores", "pass", got, RFC.immutableCreate, "stored as sent");
    const v2 = this.values.other(a, v1);
    const changed = putBody(t.index, got.json);
    writeAttribute(changed, a, v2);
    this.expectMutability(t, a, "put-change", await this.put(t, id, changed), RFC.immutablePut);
    const sameBody = putBody(t.index, got.json);
    const samePut = await this.put(t, id, sameBody);
    this.record(t, a, "immutable", "put-same", ok(samePut) ? "pass" : "fail", samePut, RFC.immutablePutSame, ok(samePut) ? `${samePut.response.status}` : `expected 200, got ${describe(samePut)}`);
    this.expectMutability(t, a, "patch-replace", await this.patch(t, id, [{ op: "replace", path: pathOf(a), value: v2 }]), RFC.immutablePatch);
    this.expectMutability(t, a, "patch-remove", await this.patch(t, id, [{ op: "remove", path: pathOf(a) }]), RFC.immutablePatch);
    const after = await this.read(t, id);
    const kept = same(a, readAttribute(after.json, a), v1);
    this.record(t, a, "immutable", "unchanged", kept ? "pass" : "fail", after, RFC.immutableKept, kept ? "still the value set at creation" : `was ${JSON.stringify(v1)}, now ${JSON.stringify(readAttribute(after.json, a))}`);
    await this.immutableAddWhenUnassigned(t, a);
  }

  private async immutableAddWhenUnassigned(t: DiscoveredType, a: ResolvedAttribute): Promise<void> {
    if (a.attribute.required || topOf(a).attribute.required) {
      this.record(t, a, "immutable", "patch-add-unassigned", "skip", undefined, RFC.immutableAdd, "the attribute is required, so a resource without it cannot be created");
      return;
    }
    const bare = await this.create(t, []);
    if (bare.id === undefined) {
      this.record(t, a, "immutable", "patch-add-unassigned", "skip", bare.ex, RFC.immutableAdd, `a resource without it could not be created: ${describe(bare.ex)}`);
      return;
    }
    const v = await this.generate(t, a);
    const added = await this.patch(t, bare.id, [{ op: "add", path: pathOf(a), value: v }]);
    if (!ok(added)) {
      this.record(t, a, "immutable", "patch-add-unassigned", "fail", added, RFC.immutableAdd, `expected 2xx, got ${describe(added)}`);
      return;
    }
    const got = await this.read(t, bare.id);
    const stored = same(a, readAttribute(got.json, a), v);
    this.record(t, a, "immutable", "patch-add-unassigned", stored ? "pass" : "fail", got, RFC.immutableAdd, stored ? "set once" : `accepted, but the server returns ${JSON.stringify(readAttribute(got.json, a))}`);
  }

  /** An immutable sub-attribute of a multi-valued attribute (Group `members.display`, RFC 7643 §4.2). */
  private async immutableElement(t: DiscoveredType, s: ResolvedAttribute): Promise<void> {
    const top = topOf(s);
    const valueSub = top.subAttributes?.get("value");
    const items = (await this.generate(t, top)) as Json[] | undefined;
    const item = items?.[0];
    if (item === undefined || valueSub === undefined || typeof item[valueSub.name] !== "string") {
      this.record(t, s, "immutable", "create-stores", "skip", undefined, RFC.immutableCreate, "no value could be generated that identifies an element (no 'value' sub-attribute or no resource to reference)");
      return;
    }
    const v1 = s === valueSub ? item[valueSub.name] : this.values.single(s);
    const element = { ...item, [s.name]: v1 };
    const created = await this.create(t, [[top, [element]]]);
    if (created.id === undefined) {
      this.record(t, s, "immutable", "create-stores", "fail", created.ex, RFC.immutableCreate, `a POST with ${top.name} was refused: ${describe(created.ex)}`);
      return;
    }
    const got = await this.read(t, created.id);
    if (!same(s, readAttribute(got.json, s), v1)) {
      this.record(t, s, "immutable", "create-stores", "skip", got, RFC.immutableCreate, `the server does not store ${s.path} as sent (returns ${JSON.stringify(readAttribute(got.json, s))}), so changes to it cannot be tested`);
      return;
    }
    this.record(t, s, "immutable", "create-stores", "pass", got, RFC.immutableCreate, "stored as sent");
    const key = `${top.path}[${valueSub.name} eq ${JSON.stringify(element[valueSub.name])}].${s.name}`;
    const v2 = this.values.other(s, v1);
    if (s !== valueSub) {
      const changed = putBody(t.index, got.json);
      writeAttribute(changed, top, [{ ...element, [s.name]: v2 }]);
      this.expectMutability(t, s, "put-change", await this.put(t, created.id, changed), RFC.immutablePut);
    }
    this.expectMutability(t, s, "patch-replace", await this.patch(t, created.id, [{ op: "replace", path: key, value: v2 }]), RFC.immutablePatch);
    if (s !== valueSub) {
      this.expectMutability(t, s, "patch-remove", await this.patch(t, created.id, [{ op: "remove", path: key }]), RFC.immutablePatch);
    }
    const after = await this.read(t, created.id);
    const kept = same(s, readAttribute(after.json, s), v1);
    this.record(t, s, "immutable", "unchanged", kept ? "pass" : "fail", after, RFC.immutableKept, kept ? "still the value set at creation" : `was ${JSON.stringify(v1)}, now ${JSON.stringify(readAttribute(after.json, s))}`);
  }

  /** readOnly: ignored on POST and PUT, 400 mutability on PATCH. */
  private async readOnly(t: DiscoveredType, a: ResolvedAttribute): Promise<void> {
    const junk = a.parent !== undefined ? this.values.value(a) : this.values.value(a, 0, true);
    const extras: [ResolvedAttribute, unknown][] = [[a, junk]];
    if (a.parent !== undefined) {
      // a readOnly sub-attribute arrives inside a writable value of its parent
      const parentValue = await this.generate(t, a.parent);
      const first = Array.isArray(parentValue) ? parentValue[0] : parentValue;
      if (first === undefined || Object.keys(first as Json).length === 0) {
        this.record(t, a, "readOnly", "post-ignored", "skip", undefined, RFC.readOnlyPost, `no writable value of ${a.parent.path} could be generated to carry it`);
        return;
      }
      const carrier = { ...(first as Json), [a.name]: junk };
      extras[0] = [a.parent, a.parent.attribute.multiValued ? [carrier] : carrier];
    }
    const created = await this.create(t, extras);
    if (created.id === undefined) {
      this.record(t, a, "readOnly", "post-ignored", "fail", created.ex, RFC.readOnlyPost, `the POST was refused (${describe(created.ex)}); readOnly values must be ignored, not rejected`);
      return;
    }
    const id = created.id;
    const got = await this.read(t, id);
    const ignored = !storedAs(a, readAttribute(got.json, a), junk);
    this.record(t, a, "readOnly", "post-ignored", ignored ? "pass" : "fail", got, RFC.readOnlyPost, ignored ? "ignored" : `the value sent on POST was stored: ${JSON.stringify(readAttribute(got.json, a))}`);
    if (a.parent === undefined) {
      const junk2 = this.values.other(a, junk, true);
      const body = putBody(t.index, got.json);
      writeAttribute(body, a, junk2);
      const put = await this.put(t, id, body);
      if (!ok(put)) {
        this.record(t, a, "readOnly", "put-ignored", "fail", put, RFC.readOnlyPut, `the PUT was refused (${describe(put)}); readOnly values must be ignored`);
      } else {
        const after = await this.read(t, id);
        const kept = !storedAs(a, readAttribute(after.json, a), junk2);
        this.record(t, a, "readOnly", "put-ignored", kept ? "pass" : "fail", after, RFC.readOnlyPut, kept ? "ignored" : `the value sent on PUT was stored: ${JSON.stringify(readAttribute(after.json, a))}`);
      }
    }
    const path = a.parent !== undefined && a.parent.attribute.multiValued ? `${a.parent.path}[${firstKey(got.json, a.parent)}].${a.name}` : pathOf(a);
    const value = a.parent === undefined ? this.values.other(a, junk, true) : this.values.single(a, 1);
    this.expectMutability(t, a, "patch-rejected", await this.patch(t, id, [{ op: "replace", path, value }]), RFC.readOnlyPatch);
  }

  /** writeOnly and returned "never": absent from POST and GET responses, lists, and `attributes=` naming it. */
  private async notReturned(t: DiscoveredType, a: ResolvedAttribute, label: string, rfc: string, writable: boolean): Promise<void> {
    const canWrite = a.attribute.mutability !== "readOnly" && (a.parent === undefined || a.parent.attribute.mutability !== "readOnly");
    const extras: [ResolvedAttribute, unknown][] = [];
    if (canWrite) {
      const value = a.parent === undefined ? await this.generate(t, a) : this.values.value(a);
      if (a.parent !== undefined) {
        const parentValue = await this.generate(t, a.parent);
        const first = Array.isArray(parentValue) ? parentValue[0] : parentValue;
        const carrier = { ...(first as Json), [a.name]: value };
        extras.push([a.parent, a.parent.attribute.multiValued ? [carrier] : carrier]);
      } else {
        extras.push([a, value]);
      }
    }
    const created = await this.create(t, extras);
    if (writable) {
      this.record(t, a, label, "accepted", created.id !== undefined ? "pass" : "fail", created.ex, RFC.writeOnlyAccepted, created.id !== undefined ? `${created.ex.response.status}` : `a POST writing it was refused: ${describe(created.ex)}`);
    }
    if (created.id === undefined) {
      if (!writable) this.record(t, a, label, "not-returned-get", "fail", created.ex, rfc, `a POST was refused: ${describe(created.ex)}`);
      return;
    }
    const id = created.id;
    const absentIn = (ex: Exchange, resource: unknown, name: string, where: string) => {
      const absent = !isPresent(resource, a);
      this.record(t, a, label, name, absent ? "pass" : "fail", ex, rfc, absent ? `absent from ${where}` : `returned in ${where}: ${JSON.stringify(readAttribute(resource, a))}`);
    };
    absentIn(created.ex, created.ex.json, "not-returned-post", "the POST response");
    const got = await this.read(t, id);
    absentIn(got, got.json, "not-returned-get", "GET");
    const listed = await this.session.send("GET", `${t.rt.endpoint}?filter=${encodeURIComponent(`id eq "${id}"`)}`);
    const resources = member(listed.json, "Resources");
    const first = Array.isArray(resources) ? resources[0] : undefined;
    if (!ok(listed) || first === undefined) {
      this.record(t, a, label, "not-returned-list", "skip", listed, rfc, `the list request did not return the resource (${describe(listed)})`);
    } else {
      absentIn(listed, first, "not-returned-list", "a list response");
    }
    const asked = await this.read(t, id, `?attributes=${encodeURIComponent(pathOf(a))}`);
    absentIn(asked, asked.json, "not-returned-attributes", `GET ?attributes=${pathOf(a)}`);
  }

  /** returned "always": present even when `attributes` names something else or `excludedAttributes` names it. */
  private async returnedAlways(t: DiscoveredType, a: ResolvedAttribute): Promise<void> {
    const created = await this.createWithValue(t, a);
    if (created === undefined) return;
    const other = [...t.index.attributes.values()].find((x) => x !== topOf(a) && x.name !== "id" && x.name !== "schemas" && x.attribute.mutability !== "writeOnly");
    for (const [name, query] of [
      ["returned-with-attributes", `?attributes=${encodeURIComponent(other?.path ?? "meta")}`],
      ["returned-when-excluded", `?excludedAttributes=${encodeURIComponent(pathOf(a))}`],
    ] as const) {
      const got = await this.read(t, created, query);
      const present = isPresent(got.json, a);
      this.record(t, a, "always", name, present ? "pass" : "fail", got, RFC.always, present ? "returned" : `missing from GET ${query}`);
    }
  }

  /** returned "request": absent by default, present when `attributes` names it. */
  private async returnedRequest(t: DiscoveredType, a: ResolvedAttribute): Promise<void> {
    const created = await this.createWithValue(t, a);
    if (created === undefined) return;
    const plain = await this.read(t, created);
    const absent = !isPresent(plain.json, a);
    this.record(t, a, "request", "absent-by-default", absent ? "pass" : "fail", plain, RFC.requestDefault, absent ? "absent from a plain GET" : "returned without being requested");
    const asked = await this.read(t, created, `?attributes=${encodeURIComponent(pathOf(a))}`);
    const present = isPresent(asked.json, a);
    this.record(t, a, "request", "returned-when-requested", present ? "pass" : "fail", asked, RFC.requestDefault, present ? "returned when requested" : "missing although requested");
  }

  /** A resource where `a` has a value: written by the verifier when it may, else left to the server. */
  private async createWithValue(t: DiscoveredType, a: ResolvedAttribute): Promise<string | undefined> {
    const writable = a.attribute.mutability !== "readOnly" && (a.parent === undefined || a.parent.attribute.mutability !== "readOnly");
    const extras: [ResolvedAttribute, unknown][] = [];
    if (writable) {
      const value = await this.generate(t, a);
      if (a.parent !== undefined) {
        const parentValue = await this.generate(t, a.parent);
        const first = Array.isArray(parentValue) ? parentValue[0] : parentValue;
        const carrier = { ...(first as Json), [a.name]: Array.isArray(value) && !a.attribute.multiValued ? value[0] : value };
        extras.push([a.parent, a.parent.attribute.multiValued ? [carrier] : carrier]);
      } else {
        extras.push([a, value]);
      }
    }
    const created = await this.create(t, extras);
    if (created.id === undefined) {
      this.record(t, a, a.attribute.returned, "create", "skip", created.ex, RFC.always, `no resource with a value could be created: ${describe(created.ex)}`);
      return undefined;
    }
    const got = await this.read(t, created.id, `?attributes=${encodeURIComponent(pathOf(a))}`);
    if (!writable && !isPresent(got.json, a)) {
      this.record(t, a, a.attribute.returned, "has-value", "skip", got, RFC.always, "the server set no value, so what it returns cannot be judged");
      return undefined;
    }
    return created.id;
  }

  /** A PATCH whose second operation is illegal leaves the first unapplied. */
  private async atomicity(t: DiscoveredType): Promise<void> {
    const label = "atomicity";
    const writable = [...t.index.attributes.values(), ...[...t.index.extensions.values()].flatMap((e) => [...e.attributes.values()])].find(
      (a) => a.attribute.mutability === "readWrite" && a.attribute.type === "string" && !a.attribute.multiValued && a.attribute.uniqueness === "none" && a.attribute.canonicalValues === undefined && a.name !== "externalId",
    );
    const illegal = [...t.index.attributes.values(), ...[...t.index.extensions.values()].flatMap((e) => [...e.attributes.values()])].find(
      (a) => a.attribute.mutability === "immutable" && !a.attribute.multiValued && a.attribute.type !== "complex",
    );
    if (writable === undefined) {
      this.record(t, "PATCH", label, "first-operation-unapplied", "skip", undefined, RFC.atomic, "no single-valued readWrite string attribute to change");
      return;
    }
    const x1 = this.values.value(writable);
    const extras: [ResolvedAttribute, unknown][] = [[writable, x1]];
    let illegalOp: Json;
    if (illegal !== undefined) {
      const v1 = await this.generate(t, illegal);
      extras.push([illegal, v1]);
      illegalOp = { op: "replace", path: pathOf(illegal), value: this.values.other(illegal, v1) };
    } else {
      illegalOp = { op: "replace", path: "id", value: `scimtype-verify-${this.values.token}-id` };
    }
    const created = await this.create(t, extras);
    if (created.id === undefined) {
      this.record(t, "PATCH", label, "first-operation-unapplied", "skip", created.ex, RFC.atomic, `the resource could not be created: ${describe(created.ex)}`);
      return;
    }
    const x2 = this.values.other(writable, x1);
    const ex = await this.patch(t, created.id, [{ op: "replace", path: pathOf(writable), value: x2 }, illegalOp]);
    if (ok(ex)) {
      this.record(t, "PATCH", label, "first-operation-unapplied", "fail", ex, RFC.atomic, `the request with an illegal second operation (${String(illegalOp.path)}) succeeded (${ex.response.status})`);
      return;
    }
    const after = await this.read(t, created.id);
    const unapplied = same(writable, readAttribute(after.json, writable), x1);
    this.record(t, "PATCH", label, "first-operation-unapplied", unapplied ? "pass" : "fail", after, RFC.atomic, unapplied ? `the request failed (${describe(ex)}) and ${writable.path} kept its value` : `the request failed (${describe(ex)}) but its first operation was applied: ${writable.path} is ${JSON.stringify(readAttribute(after.json, writable))}`);
  }

  /**
   * Deletes what the verifier created, newest first; never anything else. It takes its own
   * session, so that a spent request budget still leaves nothing behind.
   */
  async cleanup(session: Session): Promise<{ deleted: number; failed: number }> {
    let deleted = 0;
    let failed = 0;
    for (const { endpoint, id } of this.created.reverse()) {
      const ex = await session.send("DELETE", `${endpoint}/${encodeURIComponent(id)}`);
      if (ok(ex) || ex.response.status === 404) deleted++;
      else failed++;
    }
    this.created.length = 0;
    return { deleted, failed };
  }
}

/** True when the stored value carries what was sent (a readOnly value the server should have ignored). */
function storedAs(a: ResolvedAttribute, stored: unknown, sent: unknown): boolean {
  if (stored === undefined || stored === null) return false;
  if (a.subAttributes === undefined) return same(a, stored, Array.isArray(sent) && a.parent !== undefined ? sent[0] : sent);
  // complex: stored when any sub-attribute value sent shows up
  const sentItems = Array.isArray(sent) ? sent : [sent];
  const storedItems = Array.isArray(stored) ? stored : [stored];
  for (const item of sentItems) {
    for (const [k, v] of Object.entries((item ?? {}) as Json)) {
      const sub = a.subAttributes.get(k.toLowerCase());
      if (sub !== undefined && storedItems.some((s) => same(sub, member(s, sub.name), v))) return true;
    }
  }
  return false;
}

/** A filter naming the first element of a multi-valued attribute by its `value`. */
function firstKey(resource: unknown, parent: ResolvedAttribute): string {
  const list = readAttribute(resource, parent);
  const first = Array.isArray(list) ? list[0] : undefined;
  const value = member(first, "value");
  return typeof value === "string" ? `value eq ${JSON.stringify(value)}` : "value pr";
}
