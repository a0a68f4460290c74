// `scimtype/verify`: the immutability conformance checker for any SCIM 2.0 service provider.
export { verify } from "./verify.js";
export { formatReport } from "./report.js";
export type { CheckKind, CheckResult, RecordedRequest, RecordedResponse, VerifyOptions, VerifyReport } from "./types.js";
