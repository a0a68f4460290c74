import type * as z from "zod";
import type { AttributeType, Mutability, Returned } from "../schema/characteristics.js";
import type { ResolvedAttribute, ResourceIndex } from "../schema/schema-index.js";
import { type SimpleType, leafSchema } from "./leaf-schemas.js";

/**
 * One attribute compiled for the walk: its characteristics flattened, its value schemas
 * chosen, its sub-attributes in a {@link Scope}. Built once per resolved attribute.
 * @internal
 */
export interface Node {
  readonly resolved: ResolvedAttribute;
  /** the schema's spelling */
  readonly name: string;
  readonly type: AttributeType;
  readonly multiValued: boolean;
  readonly required: boolean;
  readonly caseExact: boolean;
  readonly mutability: Mutability;
  readonly returned: Returned;
  readonly strictLeaf: z.ZodType<unknown> | undefined;
  readonly lenientLeaf: z.ZodType<unknown> | undefined;
  readonly subs: Scope | undefined;
  /** the `value` sub-attribute: a multi-valued element's identity, and the target of a bare string */
  readonly valueSub: Node | undefined;
  /** the boolean `primary` sub-attribute (RFC 7643 §2.4) */
  readonly primarySub: Node | undefined;
  readonly hasReadOnlySubs: boolean;
  readonly hasImmutableSubs: boolean;
}

/** The attributes of one level, looked up by the schema's spelling or lower-cased. @internal */
export interface Scope {
  readonly byKey: ReadonlyMap<string, Node>;
  readonly list: readonly Node[];
  /** the required attributes of this level */
  readonly required: readonly Node[];
  /** the complex attributes of this level that have a required sub-attribute */
  readonly requiredInside: readonly Node[];
}

/** An extension schema of a resource type, compiled. @internal */
export interface CompiledExtension {
  readonly urn: string;
  readonly required: boolean;
  readonly scope: Scope;
}

/** A resource index compiled for validation and projection. @internal */
export interface CompiledIndex {
  readonly index: ResourceIndex;
  readonly coreUrn: string;
  readonly coreLower: string;
  /** core and common attributes, `schemas` included */
  readonly root: Scope;
  readonly schemas: Node;
  readonly extensions: readonly CompiledExtension[];
  /** extensions by URN, as spelled and lower-cased */
  readonly extensionByKey: ReadonlyMap<string, CompiledExtension>;
}

const nodes = new WeakMap<ResolvedAttribute, Node>();
const compiledIndexes = new WeakMap<ResourceIndex, CompiledIndex>();

function scopeOf(attributes: Iterable<ResolvedAttribute>): Scope {
  const byKey = new Map<string, Node>();
  const list: Node[] = [];
  for (const resolved of attributes) {
    const node = compileNode(resolved);
    list.push(node);
    byKey.set(node.name, node);
    byKey.set(node.name.toLowerCase(), node);
  }
  return {
    byKey,
    list,
    required: list.filter((n) => n.required),
    requiredInside: list.filter((n) => n.subs !== undefined && n.subs.required.length > 0),
  };
}

/** The compiled node of a resolved attribute (cached on the resolved attribute). @internal */
export function compileNode(resolved: ResolvedAttribute): Node {
  let node = nodes.get(resolved);
  if (node !== undefined) return node;
  const a = resolved.attribute;
  const subs = resolved.subAttributes ? scopeOf(resolved.subAttributes.values()) : undefined;
  const primary = subs?.byKey.get("primary");
  node = {
    resolved,
    name: resolved.name,
    type: a.type,
    multiValued: a.multiValued,
    required: a.required,
    caseExact: a.caseExact,
    mutability: a.mutability,
    returned: a.returned,
    strictLeaf: a.type === "complex" ? undefined : leafSchema(a.type as SimpleType, true),
    lenientLeaf: a.type === "complex" ? undefined : leafSchema(a.type as SimpleType, false),
    subs,
    valueSub: subs?.byKey.get("value"),
    primarySub: primary?.type === "boolean" && !primary.multiValued ? primary : undefined,
    hasReadOnlySubs: subs?.list.some((s) => s.mutability === "readOnly") ?? false,
    hasImmutableSubs: subs?.list.some((s) => s.mutability === "immutable") ?? false,
  };
  nodes.set(resolved, node);
  return node;
}

/** The compiled form of a resource index, built on first use and cached. @internal */
export function compileIndex(index: ResourceIndex): CompiledIndex {
  let compiled = compiledIndexes.get(index);
  if (compiled !== undefined) return compiled;
  const root = scopeOf(index.attributes.values());
  const schemas = root.byKey.get("schemas");
  if (schemas === undefined) throw new TypeError("A resource index always declares `schemas`");
  const extensions: CompiledExtension[] = [];
  const extensionByKey = new Map<string, CompiledExtension>();
  for (const ext of index.extensions.values()) {
    const compiledExt: CompiledExtension = {
      urn: ext.schema.id,
      required: ext.required,
      scope: scopeOf(ext.attributes.values()),
    };
    extensions.push(compiledExt);
    extensionByKey.set(ext.schema.id, compiledExt);
    extensionByKey.set(ext.schema.id.toLowerCase(), compiledExt);
  }
  compiled = {
    index,
    coreUrn: index.coreSchemaId,
    coreLower: index.coreSchemaId.toLowerCase(),
    root,
    schemas,
    extensions,
    extensionByKey,
  };
  compiledIndexes.set(index, compiled);
  return compiled;
}

/** The node a key names in a scope, matching case-insensitively (RFC 7643 §2.1). @internal */
export function lookup(scope: Scope, key: string): Node | undefined {
  return scope.byKey.get(key) ?? scope.byKey.get(key.toLowerCase());
}
