// The validation services (DESIGN §4): re-exports only.
export { DEFAULT_LIMITS, type EventContext, type ParseLimits, type ParseOptions, type ReadOnlyHandling } from "./options.js";
export { parseCreate, parseReplaceBody } from "./parse-create.js";
export { parseReplace } from "./parse-replace.js";
export { parseResource } from "./parse-resource.js";
export { validateValue, type ValidateValueOptions } from "./validate-value.js";
export { compileValidators, type Validators } from "./validators.js";
export { contextKeys, type ContextKeys, type KeyContext } from "./context-keys.js";
export { isDateTime } from "./date-time.js";
export { isBase64 } from "./base64.js";
