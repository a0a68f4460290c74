// The public barrel: re-exports only.
export { ScimError, ERROR_URN, type ScimErrorBody, type ScimType } from "./errors.js";
export type {
  AttributeOptions,
  AttributeType,
  Mutability,
  Returned,
  Uniqueness,
} from "./schema/characteristics.js";
export {
  attr,
  isAttribute,
  type Attribute,
  type AnyAttribute,
  type Attributes,
  type SimpleAttribute,
  type SubAttributes,
} from "./schema/attribute.js";
export { defineSchema, isSchema, type Schema, type AnySchema, type SchemaDefinition } from "./schema/define-schema.js";
export type { AttributeJSON, SchemaJSON } from "./schema/schema-json.js";
export { commonAttributes } from "./schema/core/common.js";
export { UserSchema } from "./schema/core/user.js";
export { GroupSchema } from "./schema/core/group.js";
export { EnterpriseUserSchema } from "./schema/core/enterprise-user.js";
export { ResourceTypeSchema } from "./schema/core/resource-type.js";
export { ServiceProviderConfigSchema } from "./schema/core/service-provider-config.js";
export {
  defineResourceType,
  isResourceType,
  RESOURCE_TYPE_URN,
  type ResourceType,
  type AnyResourceType,
  type ResourceTypeDefinition,
  type ResourceTypeJSON,
} from "./resource-type.js";
export type { ExtensionEntry } from "./types/views.js";
export type { ScimResource } from "./types/resource.js";
export type { CreateInput, ReplaceInput } from "./types/input.js";
export { UserResourceType, GroupResourceType, type User, type Group } from "./builtins.js";
export {
  discovery,
  LIST_RESPONSE_URN,
  SCHEMA_URN,
  type DiscoveryDocuments,
  type DiscoveryOptions,
  type ListResponse,
  type SchemaResource,
  type ResourceTypeResource,
} from "./discovery/discovery.js";
export {
  DEFAULT_SERVICE_PROVIDER,
  SERVICE_PROVIDER_CONFIG_URN,
  type AuthenticationScheme,
  type ServiceProviderOptions,
  type ServiceProviderConfigJSON,
} from "./discovery/service-provider.js";
export { schemaFromJSON } from "./discovery/ingest.js";
export {
  PATCH_OP_URN,
  type PatchPath,
  type PatchValue,
  type PatchOperation,
  type PatchRequest,
  type PatchOpName,
  type NormalizePath,
} from "./types/patch-path.js";
export { patch, type PatchBuilder } from "./patch/builder.js";
export type {
  Filter,
  AttrExp,
  AttrPath,
  CompareExp,
  CompareOp,
  CompValue,
  LogExp,
  NotExp,
  PatchPathAst,
  PresentExp,
  SourceSpan,
  ValuePathExp,
} from "./path/ast.js";
export { parseFilter } from "./path/parse-filter.js";
export { parsePath, parseAttrPath } from "./path/parse-path.js";
export { printFilter, printPath } from "./path/print.js";
export type { FilterLimits, FilterOptions } from "./path/limits.js";
export type { ViolationEvent, OnViolation } from "./audit.js";
export type { ParseOptions, ParseLimits } from "./validate/options.js";
export type { SerializeOptions } from "./project/serialize.js";
export type { AttributeList } from "./project/attribute-list.js";
export type { PatchOptions, PatchResult } from "./patch/apply.js";
export { invertChanges } from "./patch/invert.js";
