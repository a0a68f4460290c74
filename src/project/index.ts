// Response projection (DESIGN §4): re-exports only.
export { serialize, type SerializeOptions } from "./serialize.js";
export { parseAttributeList, type AttributeList } from "./attribute-list.js";
export { writtenPaths, withoutValueFilters } from "./written-paths.js";
