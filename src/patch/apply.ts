import type { Operation } from "fast-json-patch";
import { reportViolation } from "../audit.js";
import { ScimError } from "../errors.js";
import type { FilterLimits } from "../path/limits.js";
import type { ResolvedAttribute, ResourceIndex } from "../schema/schema-index.js";
import { compileNode } from "../validate/compiled.js";
import { sameValue, singleKey } from "../validate/equality.js";
import type { EventContext, ParseOptions } from "../validate/options.js";
import { type ValidateValueOptions, isAssigned, isObject, validateValue } from "../validate/validate-value.js";
import { Draft, cloneJson, deleteKey, pointerToken, readKey, setKey } from "./draft.js";
import { type RequestOperation, readPatchRequest } from "./request.js";
import { type Target, filterEqualities, resolveTarget } from "./target.js";

/**
 * Options of `RT.applyPatch`.
 *
 * @example
 * ```ts
 * UserResourceType.applyPatch(stored, body, { strict: true, maxOperations: 100 });
 * ```
 */
export interface PatchOptions extends ParseOptions {
  /** most operations in one request (default 1,000) */
  readonly maxOperations?: number | undefined;
  /** limits on the filters inside paths */
  readonly filter?: FilterLimits | undefined;
}

/**
 * What `RT.applyPatch` returns.
 *
 * @example
 * ```ts
 * const { resource, changes, changed }: PatchResult<ScimResource<User>> = UserResourceType.applyPatch(stored, body);
 * if (changed) console.log(changes); // the RFC 6902 operations applied, e.g. for an audit log
 * ```
 */
export interface PatchResult<R = Record<string, unknown>> {
  /** the resource after the operations; `existing` itself when nothing changed */
  resource: R;
  /**
   * The RFC 6902 operations that turn `existing` into `resource`, in order, derived from the
   * PATCH operations as they were applied: an audit log, and (inverted) a rollback.
   */
  changes: Operation[];
  /** false for a no-op: then `meta.lastModified` and `meta.version` must not move */
  changed: boolean;
}

const RESERVED = new Set(["__proto__", "constructor", "prototype"]);
type Json = Record<string, unknown>;

/** One operation on one attribute path, after a no-path value has been expanded. */
interface Step {
  readonly op: RequestOperation["op"];
  readonly index: number;
  readonly path: string;
  readonly value: unknown;
  readonly hasValue: boolean;
  /** expanded from a no-path value: the resource's own unchanged `id` is tolerated there */
  readonly fromNoPath: boolean;
}

/**
 * Applies a PatchOp body (RFC 7644 §3.5.2) to `existing`, atomically: the first failing
 * operation fails the request with its own error, and `existing` is never written.
 * Mutability is decided by comparing the stored value with the result.
 */
export function applyPatch(index: ResourceIndex, existing: Readonly<Json>, body: unknown, options: PatchOptions = {}): PatchResult {
  if (!isObject(existing)) throw new TypeError("applyPatch: the existing resource must be an object");
  const strict = options.strict === true;
  const operations = readPatchRequest(body, strict, options.maxOperations ?? 1000);
  const applier = new Applier(index, existing, options);
  for (const operation of operations) {
    for (const step of expand(index, operation, strict)) applier.apply(step);
  }
  applier.finish();
  const changed = applier.draft.changes.length > 0;
  return { resource: changed ? applier.draft.root : (existing as Json), changes: applier.draft.changes, changed };
}

/** RFC 7644 §3.5.2.1/§3.5.2.3: a value without a path is expanded per attribute before any check. */
function* expand(index: ResourceIndex, operation: RequestOperation, strict: boolean): Generator<Step> {
  const { op, index: i, path, value, hasValue } = operation;
  if (path !== undefined) {
    yield { op, index: i, path, value, hasValue, fromNoPath: false };
    return;
  }
  if (op === "remove") {
    throw new ScimError(400, "noTarget", `Operations[${i}]: remove needs a path (RFC 7644 §3.5.2.2)`);
  }
  if (!isObject(value)) {
    throw new ScimError(400, "invalidValue", `Operations[${i}]: without a path, ${op} takes an object of attributes (RFC 7644 §3.5.2.${op === "add" ? 1 : 3})`);
  }
  for (const key of Object.keys(value)) {
    if (RESERVED.has(key.toLowerCase())) {
      throw new ScimError(400, "invalidSyntax", `Operations[${i}].value: '${key}' is a reserved name and cannot name an attribute`);
    }
    const lower = key.toLowerCase();
    // `schemas` follows from the attributes present; clients repeat it in no-path values.
    if (lower === "schemas" && !strict) continue;
    const extension = index.extensions.get(lower);
    const v = value[key];
    if (extension !== undefined && isObject(v)) {
      for (const sub of Object.keys(v)) {
        if (RESERVED.has(sub.toLowerCase())) {
          throw new ScimError(400, "invalidSyntax", `Operations[${i}].value: '${sub}' is a reserved name and cannot name an attribute`);
        }
        yield { op, index: i, path: `${extension.schema.id}:${sub}`, value: v[sub], hasValue: true, fromNoPath: true };
      }
      continue;
    }
    yield { op, index: i, path: key, value: v, hasValue: true, fromNoPath: true };
  }
}

class Applier {
  readonly draft: Draft;
  private readonly strict: boolean;
  private readonly event: EventContext;
  private readonly resourceId: string | undefined;
  /** attributes whose required-ness must hold at the end */
  private readonly touched = new Set<ResolvedAttribute>();

  constructor(
    private readonly index: ResourceIndex,
    existing: Readonly<Json>,
    private readonly options: PatchOptions,
  ) {
    this.draft = new Draft(existing);
    this.strict = options.strict === true;
    this.resourceId = typeof existing.id === "string" ? existing.id : undefined;
    this.event = { kind: "patch", resourceType: index.resourceType, resourceId: this.resourceId };
  }

  apply(step: Step): void {
    const target = resolveTarget(this.index, step.path, { ...this.options.filter, strict: this.strict });
    if (target.kind === "extension") {
      this.applyExtension(step, target);
      return;
    }
    const { top, sub } = target;
    const readOnly = top.attribute.mutability === "readOnly" ? top : sub?.attribute.mutability === "readOnly" ? sub : undefined;
    if (readOnly !== undefined) {
      // Okta repeats the resource's own id in a no-path replace (DESIGN §4).
      if (step.fromNoPath && top.name === "id" && top.extension === undefined && sub === undefined && step.value === this.resourceId) return;
      this.violation(step, readOnly, target.text, this.draft.read(top), step.value);
      throw new ScimError(400, "mutability", `Operations[${step.index}]: '${readOnly.path}' is readOnly (RFC 7643 §7); a PATCH cannot ${step.op} it`);
    }
    if (step.op === "remove" && step.hasValue && step.value !== undefined && this.strict) {
      throw new ScimError(400, "invalidSyntax", `Operations[${step.index}]: remove takes no value (RFC 7644 §3.5.2.2)`);
    }
    this.touched.add(top);
    const before = this.draft.read(top);
    if (target.filter !== undefined) this.applyFiltered(step, target, before);
    else if (sub !== undefined) this.applySub(step, target, before, sub);
    else this.applyWhole(step, target, before);
  }

  /** A path naming an extension URN: its value is an object of that extension's attributes. */
  private applyExtension(step: Step, target: Extract<Target, { kind: "extension" }>): void {
    const urn = target.extension.schema.id;
    if (step.op === "remove") {
      for (const attribute of target.extension.attributes.values()) {
        const container = this.draft.container(attribute);
        if (container !== undefined && readKey(container, attribute.name) !== undefined) {
          this.apply({ ...step, path: `${urn}:${attribute.name}`, hasValue: false, value: undefined });
        }
      }
      return;
    }
    if (!isObject(step.value)) {
      throw new ScimError(400, "invalidValue", `Operations[${step.index}]: '${urn}' takes an object of its attributes`);
    }
    for (const key of Object.keys(step.value)) {
      if (RESERVED.has(key.toLowerCase())) {
        throw new ScimError(400, "invalidSyntax", `Operations[${step.index}].value: '${key}' is a reserved name and cannot name an attribute`);
      }
      this.apply({ ...step, path: `${urn}:${key}`, value: step.value[key] });
    }
  }

  // ---- values ------------------------------------------------------------------------------

  private validate(attribute: ResolvedAttribute, raw: unknown, step: Step, element = false): unknown {
    return validateValue(attribute, this.unwrapSingle(attribute, raw, element), this.validateOptions(step.index, element));
  }

  private readonly optionsCache = new Map<number, ValidateValueOptions>();

  /** The options of validateValue for one operation, built once (this is the hot path of a PATCH). */
  private validateOptions(index: number, element: boolean): ValidateValueOptions {
    const key = element ? -1 - index : index;
    let options = this.optionsCache.get(key);
    if (options === undefined) {
      const o = this.options;
      options = {
        strict: o.strict,
        unknownAttributes: o.unknownAttributes,
        onViolation: o.onViolation,
        maxDepth: o.maxDepth,
        maxStringLength: o.maxStringLength,
        maxArrayLength: o.maxArrayLength,
        maxKeys: o.maxKeys,
        readOnly: "reject",
        element,
        event: { kind: "patch", resourceType: this.event.resourceType, resourceId: this.event.resourceId, operationIndex: index },
      };
      this.optionsCache.set(key, options);
    }
    return options;
  }

  /**
   * Lenient: Microsoft Entra ID adds a member as a bare id (`"value": "2819c223"`); for a
   * multi-valued complex attribute with a `value` sub-attribute that is `[{ "value": … }]`.
   */
  private wrapBareValue(top: ResolvedAttribute, raw: unknown): unknown {
    if (this.strict || !(typeof raw === "string" || typeof raw === "number")) return raw;
    const valueSub = top.subAttributes?.get("value");
    return valueSub === undefined ? raw : [{ [valueSub.name]: raw }];
  }

  /** Lenient: `"value": ["x"]` for a single-valued attribute (sent by some IdPs) means `"x"`. */
  private unwrapSingle(attribute: ResolvedAttribute, raw: unknown, element: boolean): unknown {
    const single = element || !attribute.attribute.multiValued;
    return single && !this.strict && Array.isArray(raw) && raw.length === 1 ? raw[0] : raw;
  }

  /**
   * A partial complex value (merged into a single-valued complex attribute or into filtered
   * elements): its sub-attributes validated one by one; undefined marks one to unassign.
   */
  private partial(top: ResolvedAttribute, raw: unknown, step: Step): Map<ResolvedAttribute, unknown> {
    let value = this.unwrapSingle(top, raw, true);
    const valueSub = top.subAttributes?.get("value");
    if (!isObject(value) && !this.strict && valueSub !== undefined && (typeof value === "string" || typeof value === "number")) {
      value = { [valueSub.name]: value }; // Entra ID: `manager` as a bare id
    }
    if (!isObject(value)) {
      throw new ScimError(400, "invalidValue", `Operations[${step.index}]: '${top.path}' is complex: the value must be an object of its sub-attributes`);
    }
    const out = new Map<ResolvedAttribute, unknown>();
    for (const key of Object.keys(value)) {
      if (RESERVED.has(key.toLowerCase())) {
        throw new ScimError(400, "invalidSyntax", `Operations[${step.index}].value: '${key}' is a reserved name and cannot name an attribute`);
      }
      const sub = top.subAttributes?.get(key.toLowerCase());
      if (sub === undefined) {
        if (this.options.unknownAttributes === "ignore") continue;
        throw new ScimError(400, "invalidValue", `Operations[${step.index}]: '${top.path}' has no sub-attribute '${key}'`);
      }
      if (sub.attribute.mutability === "readOnly") {
        this.violation(step, sub, `${top.path}.${sub.name}`, undefined, value[key]);
        throw new ScimError(400, "mutability", `Operations[${step.index}]: '${sub.path}' is readOnly (RFC 7643 §7)`);
      }
      out.set(sub, this.validate(sub, value[key], step));
    }
    return out;
  }

  // ---- shapes of targets ---------------------------------------------------------------------

  /** `attr` (no filter, no sub-attribute). */
  private applyWhole(step: Step, target: Extract<Target, { kind: "attribute" }>, before: unknown): void {
    const { top } = target;
    const node = compileNode(top);
    if (top.attribute.multiValued) {
      const edit = new ArrayEdit(this.draft, top, before);
      if (step.op === "remove") {
        if (step.hasValue && isAssigned(step.value)) this.removeListedValues(step, edit);
        else edit.clear();
      } else {
        const items = (this.validate(top, this.wrapBareValue(top, step.value), step) ?? []) as unknown[];
        if (step.op === "replace") {
          edit.clear();
          edit.appendAll(this.carryIdentity(top, before, items));
        } else {
          edit.appendAll(items);
        }
        this.checkElements(step, top, edit.touched);
        this.resetPrimary(step, top, edit);
      }
      this.checkImmutable(step, target.text, top, before, edit.result());
      this.checkMembers(step, top, before, edit);
      edit.commit();
      return;
    }
    if (node.subs !== undefined) {
      if (step.op === "remove") {
        this.checkImmutable(step, target.text, top, before, undefined);
        this.checkSubsOnRemove(step, top, isObject(before) ? before : undefined);
        this.draft.write(top, undefined);
        return;
      }
      const merged = this.merge(step, top, isObject(before) ? before : undefined, this.partial(top, step.value, step));
      this.checkImmutable(step, target.text, top, before, merged);
      this.writeIfChanged(top, before, merged);
      return;
    }
    const after = step.op === "remove" ? undefined : this.validate(top, step.value, step);
    this.checkImmutable(step, target.text, top, before, after);
    this.writeIfChanged(top, before, after);
  }

  /** Writes only a real change, so that a no-op PATCH leaves `changed` false (and `meta.version` still). */
  private writeIfChanged(top: ResolvedAttribute, before: unknown, after: unknown): void {
    if (after === undefined) {
      if (before !== undefined) this.draft.write(top, undefined);
      return;
    }
    if (isAssigned(before)) {
      // An immutable value equal per the schema (another case of a caseExact=false string) is a
      // no-op and stays as stored; any other attribute takes the new spelling.
      if (top.attribute.mutability === "immutable" ? sameValue(compileNode(top), before, after) : jsonEqual(before, after)) return;
    }
    this.draft.write(top, after);
  }

  /** `attr.sub` on a single-valued complex attribute, or on every value of a multi-valued one. */
  private applySub(step: Step, target: Extract<Target, { kind: "attribute" }>, before: unknown, sub: ResolvedAttribute): void {
    const { top } = target;
    const value = step.op === "remove" ? undefined : this.validate(sub, step.value, step);
    if (!top.attribute.multiValued) {
      const merged = this.merge(step, top, isObject(before) ? before : undefined, new Map([[sub, value]]));
      this.checkImmutable(step, target.text, top, before, merged);
      this.writeIfChanged(top, before, merged);
      return;
    }
    const edit = new ArrayEdit(this.draft, top, before);
    const n = edit.length;
    if (n === 0 && step.op !== "remove") {
      throw new ScimError(400, "noTarget", `Operations[${step.index}]: '${top.path}' has no values, so '${target.text}' matches nothing (RFC 7644 §3.5.2)`);
    }
    for (let i = 0; i < n; i++) this.mergeElement(step, edit, i, new Map([[sub, value]]));
    this.finishElements(step, target, before, edit);
  }

  /** `attr[filter]` and `attr[filter].sub`. */
  private applyFiltered(step: Step, target: Extract<Target, { kind: "attribute" }>, before: unknown): void {
    const { top, sub, filter } = target;
    const edit = new ArrayEdit(this.draft, top, before);
    const matches: number[] = [];
    for (let i = 0; i < edit.length; i++) if (filter!(edit.at(i))) matches.push(i);
    if (step.op === "remove" && sub === undefined) {
      for (let k = matches.length - 1; k >= 0; k--) edit.removeAt(matches[k]!);
      this.finishElements(step, target, before, edit);
      return;
    }
    const change =
      sub === undefined
        ? step.op === "remove"
          ? new Map<ResolvedAttribute, unknown>()
          : this.partial(top, step.value, step)
        : new Map([[sub, step.op === "remove" ? undefined : this.validate(sub, step.value, step)]]);
    if (matches.length === 0) {
      if (step.op === "remove") return;
      // Entra ID adds `emails[type eq "work"].value` to a user without a work email and expects
      // the value to be created; replace keeps the RFC's noTarget (RFC 7644 §3.5.2.3).
      const pinned = step.op === "add" && !this.strict ? filterEqualities(top, target.filterAst!) : undefined;
      if (pinned === undefined) {
        throw new ScimError(400, "noTarget", `Operations[${step.index}]: the filter of '${target.text}' matches no value (RFC 7644 §3.5.2${step.op === "add" ? ".1" : ".3"})`);
      }
      const element: Json = {};
      for (const [s, v] of pinned) element[s.name] = this.validate(s, v, step);
      for (const [s, v] of change) if (v !== undefined) element[s.name] = v;
      edit.append(element);
      this.finishElements(step, target, before, edit);
      return;
    }
    for (const i of matches) this.mergeElement(step, edit, i, change);
    this.finishElements(step, target, before, edit);
  }

  private finishElements(step: Step, target: Extract<Target, { kind: "attribute" }>, before: unknown, edit: ArrayEdit): void {
    const { top } = target;
    this.checkElements(step, top, edit.touched);
    this.resetPrimary(step, top, edit);
    this.checkImmutable(step, target.text, top, before, edit.result());
    this.checkMembers(step, top, before, edit);
    edit.commit();
  }

  // ---- merging -------------------------------------------------------------------------------

  /** A single-valued complex value with `change` merged in (RFC 7644 §3.5.2.1: "merges"); undefined when nothing is left. */
  private merge(step: Step, top: ResolvedAttribute, before: Json | undefined, change: Map<ResolvedAttribute, unknown>): Json | undefined {
    const out: Json = before === undefined ? {} : { ...before };
    for (const [sub, value] of change) {
      const stored = readKey(out, sub.name);
      this.checkSubImmutable(step, top, sub, stored, value, () => `${top.path}.${sub.name}`);
      if (sub.attribute.mutability === "immutable" && isAssigned(stored)) continue; // equal: stays as stored
      setOrDelete(out, sub.name, value);
    }
    return Object.keys(out).length === 0 ? undefined : out;
  }

  /** Merges `change` into element `i`; an element left with nothing is removed. */
  private mergeElement(step: Step, edit: ArrayEdit, i: number, change: Map<ResolvedAttribute, unknown>): void {
    const element = edit.at(i);
    const out: Json = isObject(element) ? { ...element } : {};
    let differs = false;
    for (const [sub, value] of change) {
      const stored = readKey(out, sub.name);
      this.checkSubImmutable(step, edit.top, sub, stored, value, () => elementPath(edit.top, element, sub));
      const same =
        value === undefined
          ? stored === undefined
          : stored !== undefined &&
            (sub.attribute.mutability === "immutable" ? sameValue(compileNode(sub), stored, value) : jsonEqual(stored, value));
      if (!same) {
        differs = true;
        setOrDelete(out, sub.name, value);
      }
    }
    if (!differs) {
      edit.touch(i);
      return;
    }
    if (Object.keys(out).length === 0) edit.removeAt(i);
    else edit.replaceAt(i, out);
  }

  // ---- rules ---------------------------------------------------------------------------------

  /** Immutable: set where unassigned; equal is a no-op; any change or removal is rejected. */
  private checkImmutable(step: Step, path: string, attribute: ResolvedAttribute, before: unknown, after: unknown): void {
    if (attribute.attribute.mutability !== "immutable" || !isAssigned(before)) return;
    if (sameValue(compileNode(attribute), before, after)) return;
    this.violation(step, attribute, path, before, after);
    throw new ScimError(
      400,
      "mutability",
      `Operations[${step.index}]: '${attribute.path}' is immutable (RFC 7643 §7) and already has a value; a PATCH cannot ${after === undefined ? "remove" : "change"} it`,
    );
  }

  /** `path` names the value in errors and events; a function, since it is only needed on a violation. */
  private checkSubImmutable(step: Step, top: ResolvedAttribute, sub: ResolvedAttribute, stored: unknown, value: unknown, where: () => string): void {
    if (sub.attribute.mutability !== "immutable" || !isAssigned(stored)) return;
    if (value !== undefined && sameValue(compileNode(sub), stored, value)) return;
    const path = where();
    this.violation(step, sub, path, stored, value);
    throw new ScimError(
      400,
      "mutability",
      `Operations[${step.index}]: '${sub.path}' is immutable (RFC 7643 §7${top.name === "members" ? ", §4.2" : ""}): a stored value cannot ${value === undefined ? "be removed" : "change"} (${path})`,
    );
  }

  /** Removing a whole complex value removes its immutable sub-attributes too. */
  private checkSubsOnRemove(step: Step, top: ResolvedAttribute, before: Json | undefined): void {
    if (before === undefined || top.subAttributes === undefined) return;
    for (const sub of top.subAttributes.values()) {
      this.checkSubImmutable(step, top, sub, readKey(before, sub.name), undefined, () => `${top.path}.${sub.name}`);
    }
  }

  /**
   * Multi-valued complex values whose sub-attributes are immutable (Group `members`, RFC 7643
   * §4.2): whole values may come and go, but a value that stays keeps its stored sub-attributes.
   * A replace of the whole attribute is matched value by value on `value` alone, as a PUT is
   * (so a stored member's immutable `type` cannot be changed by sending it again with another).
   */
  private checkMembers(step: Step, top: ResolvedAttribute, before: unknown, edit: ArrayEdit): void {
    if (!edit.replacedAll || !Array.isArray(before) || top.subAttributes === undefined) return;
    const node = compileNode(top);
    if (!node.hasImmutableSubs) return;
    const stored = new IdentityIndex(top, before, true);
    for (const element of edit.result() ?? []) {
      if (!isObject(element)) continue;
      const match = stored.find(element);
      if (match === undefined) continue;
      for (const sub of top.subAttributes.values()) {
        const v = readKey(element, sub.name);
        if (v !== undefined) this.checkSubImmutable(step, top, sub, readKey(match, sub.name), v, () => elementPath(top, match, sub));
      }
    }
  }

  /** Values the request wrote must hold their required sub-attributes (RFC 7643 §2.2). */
  private checkElements(step: Step, top: ResolvedAttribute, touched: Iterable<unknown>): void {
    const required = [...(top.subAttributes?.values() ?? [])].filter((s) => s.attribute.required);
    if (required.length === 0) return;
    for (const element of touched) {
      for (const sub of required) {
        if (!isObject(element) || !isAssigned(readKey(element, sub.name))) {
          throw new ScimError(400, "invalidValue", `Operations[${step.index}]: a value of '${top.path}' lacks its required sub-attribute '${sub.name}'`);
        }
      }
    }
  }

  /** RFC 7643 §2.4: "primary" true on one value; the request's value wins, the others lose it. */
  private resetPrimary(step: Step, top: ResolvedAttribute, edit: ArrayEdit): void {
    const primary = compileNode(top).primarySub?.name;
    if (primary === undefined) return;
    let winners = 0;
    for (const element of edit.touched) if (isObject(element) && element[primary] === true) winners++;
    if (winners > 1) {
      throw new ScimError(400, "invalidValue", `Operations[${step.index}]: more than one value of '${top.path}' has "primary": true (RFC 7643 §2.4)`);
    }
    if (winners === 0) return;
    for (let i = 0; i < edit.length; i++) {
      const element = edit.at(i);
      if (isObject(element) && element[primary] === true && !edit.touched.has(element)) {
        edit.replaceAt(i, { ...element, [primary]: false }, false);
      }
    }
  }

  /** Microsoft Entra ID removes members with `{"op":"remove","path":"members","value":[{"value":"id"}]}`. */
  private removeListedValues(step: Step, edit: ArrayEdit): void {
    if (this.strict) throw new ScimError(400, "invalidSyntax", `Operations[${step.index}]: remove takes no value (RFC 7644 §3.5.2.2)`);
    const raw = this.wrapBareValue(edit.top, step.value);
    const listed = (this.validate(edit.top, Array.isArray(raw) ? raw : [raw], step) ?? []) as unknown[];
    const remove = new IdentityIndex(edit.top, listed);
    for (let i = edit.length - 1; i >= 0; i--) {
      const element = edit.at(i);
      if (remove.find(element) !== undefined) edit.removeAt(i);
    }
  }

  /** In a replace of the whole attribute, a value that keeps its identity keeps unassigned immutable sub-attributes' stored values. */
  private carryIdentity(top: ResolvedAttribute, before: unknown, items: unknown[]): unknown[] {
    if (!Array.isArray(before) || !compileNode(top).hasImmutableSubs) return items;
    const stored = new IdentityIndex(top, before, true);
    return items.map((item) => {
      const match = isObject(item) ? stored.find(item) : undefined;
      if (match === undefined || !isObject(item)) return item;
      const out: Json = { ...item };
      for (const sub of top.subAttributes?.values() ?? []) {
        if (sub.attribute.mutability === "immutable" && readKey(out, sub.name) === undefined) {
          const v = readKey(match, sub.name);
          if (v !== undefined) out[sub.name] = v;
        }
      }
      return out;
    });
  }

  finish(): void {
    for (const attribute of this.touched) {
      if (!attribute.attribute.required) continue;
      if (!isAssigned(this.draft.read(attribute))) {
        throw new ScimError(400, "mutability", `'${attribute.path}' is required (RFC 7643 §7): a PATCH cannot leave it without a value`);
      }
    }
  }

  private violation(step: Step, attribute: ResolvedAttribute, path: string, stored: unknown, attempted: unknown): void {
    reportViolation(this.options.onViolation, attribute, {
      kind: "patch",
      resourceType: this.index.resourceType,
      resourceId: this.resourceId,
      path,
      stored,
      attempted,
      action: "rejected",
      operationIndex: step.index,
    });
  }
}

function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (const k of ka) {
    if (!Object.hasOwn(b, k) || !jsonEqual((a as Json)[k], (b as Json)[k])) return false;
  }
  return true;
}

/** Sets or (with undefined) removes a sub-attribute, whatever the case of the key stored. */
function setOrDelete(obj: Json, name: string, value: unknown): void {
  if (value === undefined) deleteKey(obj, name);
  else setKey(obj, name, value);
}

/** `members[value eq "2819c223"].display`: names one value of a multi-valued attribute in errors and events. */
function elementPath(top: ResolvedAttribute, element: unknown, sub: ResolvedAttribute): string {
  const valueSub = top.subAttributes?.get("value");
  const v = valueSub !== undefined && isObject(element) ? readKey(element, valueSub.name) : undefined;
  return typeof v === "string" ? `${top.path}[value eq ${JSON.stringify(v)}].${sub.name}` : `${top.path}.${sub.name}`;
}

/**
 * Finds values by identity (RFC 7644 §3.5.2.1): a complex value is present when a stored value
 * has the same `value` sub-attribute, and the same `type` where both have one; a complex value
 * without a `value` sub-attribute, and a simple value, by equality. Hash-based: building is
 * O(n), each lookup O(1) on average. A caseExact string `value` is its own key, so V8's cached
 * string hashes make repeated lookups over a stored list cheap.
 */
class IdentityIndex {
  private readonly byKey = new Map<string, unknown[]>();
  private readonly valueNode;
  private readonly typeNode;
  private readonly node;
  private readonly rawValueKey: boolean;

  /** `byValueOnly`: match on the `value` sub-attribute alone, ignoring `type` (immutability checks). */
  constructor(top: ResolvedAttribute, values: readonly unknown[], byValueOnly = false) {
    this.node = compileNode(top);
    this.valueNode = this.node.valueSub;
    this.typeNode = byValueOnly && this.valueNode !== undefined ? undefined : this.node.subs?.byKey.get("type");
    this.rawValueKey = this.valueNode !== undefined && (this.valueNode.type === "string" || this.valueNode.type === "reference");
    for (const value of values) this.add(value);
  }

  key(value: unknown): string | undefined {
    if (this.valueNode !== undefined && isObject(value)) {
      const v = Object.hasOwn(value, this.valueNode.name) ? value[this.valueNode.name] : readKey(value, this.valueNode.name);
      if (v !== undefined) {
        if (this.rawValueKey && typeof v === "string") return this.valueNode.caseExact ? v : v.toLowerCase();
        return singleKey(this.valueNode, v);
      }
    }
    // A prefix keeps whole-value keys apart from raw `value` keys.
    const whole = singleKey(this.node, value);
    return whole === undefined ? undefined : `\u0000${whole}`;
  }

  add(value: unknown): void {
    const key = this.key(value);
    if (key === undefined) return;
    const bucket = this.byKey.get(key);
    if (bucket === undefined) this.byKey.set(key, [value]);
    else bucket.push(value);
  }

  /** Values of this index that `value` is the same value as. */
  *matching(value: unknown): Generator<unknown> {
    const key = this.key(value);
    const bucket = key === undefined ? undefined : this.byKey.get(key);
    if (bucket === undefined) return;
    for (const candidate of bucket) if (this.sameType(candidate, value)) yield candidate;
  }

  find(value: unknown): Json | undefined {
    for (const candidate of this.matching(value)) return candidate as Json;
    return undefined;
  }

  private sameType(a: unknown, b: unknown): boolean {
    if (this.typeNode === undefined || !isObject(a) || !isObject(b)) return true;
    const ta = readKey(a, this.typeNode.name);
    const tb = readKey(b, this.typeNode.name);
    return ta === undefined || tb === undefined || singleKey(this.typeNode, ta) === singleKey(this.typeNode, tb);
  }
}

/**
 * Edits of one multi-valued attribute within one operation: copies the array once, logs each
 * change as an RFC 6902 operation, and writes the result back (unassigned when empty).
 */
class ArrayEdit {
  private array: unknown[];
  private copied = false;
  private readonly fine: Operation[] = [];
  private readonly wasAssigned: boolean;
  /** the values this operation wrote (for required sub-attributes and `primary`) */
  readonly touched = new Set<unknown>();
  replacedAll = false;
  private dirty = false;

  constructor(
    private readonly draft: Draft,
    readonly top: ResolvedAttribute,
    before: unknown,
  ) {
    this.array = Array.isArray(before) ? before : [];
    this.wasAssigned = Array.isArray(before) && before.length > 0;
  }

  get length(): number {
    return this.array.length;
  }

  at(i: number): unknown {
    return this.array[i];
  }

  private writable(): unknown[] {
    if (!this.copied) {
      this.array = this.draft.own(this.array.slice());
      this.copied = true;
    }
    this.dirty = true;
    return this.array;
  }

  private pointer(i: number | "-"): string {
    return `${this.draft.pointer(this.top)}/${pointerToken(i)}`;
  }

  clear(): void {
    if (this.array.length > 0) {
      this.array = this.draft.own([]);
      this.copied = true;
      this.dirty = true;
      this.fine.length = 0;
    }
    this.replacedAll = true;
  }

  append(value: unknown): void {
    this.writable().push(value);
    this.touched.add(value);
    this.fine.push({ op: "add", path: this.pointer("-"), value: cloneJson(value) });
  }

  /**
   * RFC 7644 §3.5.2.1: appends the values not already present (nor repeated among
   * themselves). The k new values are indexed and the n stored ones scanned once: O(n + k).
   */
  appendAll(values: readonly unknown[]): void {
    const fresh = new IdentityIndex(this.top, []);
    const candidates: unknown[] = [];
    for (const value of values) {
      if (fresh.find(value) !== undefined) continue;
      fresh.add(value);
      candidates.push(value);
    }
    if (candidates.length === 0) return;
    const present = new Set<unknown>();
    for (const stored of this.array) for (const match of fresh.matching(stored)) present.add(match);
    for (const value of candidates) if (!present.has(value)) this.append(value);
  }

  removeAt(i: number): void {
    this.writable().splice(i, 1);
    this.fine.push({ op: "remove", path: this.pointer(i) });
  }

  replaceAt(i: number, value: unknown, touched = true): void {
    this.writable()[i] = value;
    if (touched) this.touched.add(value);
    this.fine.push({ op: "replace", path: this.pointer(i), value: cloneJson(value) });
  }

  touch(i: number): void {
    this.touched.add(this.array[i]);
  }

  /** The attribute's value after the edits: undefined when no value is left (RFC 7643 §2.5). */
  result(): unknown[] | undefined {
    return this.array.length === 0 ? undefined : this.array;
  }

  commit(): void {
    if (!this.dirty) return;
    const result = this.result();
    if (result === undefined) {
      this.draft.write(this.top, undefined);
    } else if (!this.wasAssigned || this.replacedAll) {
      this.draft.write(this.top, result);
    } else {
      this.draft.write(this.top, result, false);
      this.draft.changes.push(...this.fine);
    }
  }
}
