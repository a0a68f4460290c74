// RFC 7643 §3.1 common attributes: part of every resource, declared once with the same
// builders as any schema, and served by no `/Schemas` entry (RFC 7643 §3.1 "not defined in any schema").
import { attr } from "../attribute.js";

/**
 * `id`, `externalId` and `meta` (RFC 7643 §3.1).
 *
 * @example
 * ```ts
 * commonAttributes.meta.subAttributes.version.mutability; // "readOnly"
 * ```
 */
export const commonAttributes = {
  id: attr.string({
    required: true,
    caseExact: true,
    mutability: "readOnly",
    returned: "always",
    uniqueness: "server",
    description: "A unique identifier for a SCIM resource as defined by the service provider.",
  }),
  externalId: attr.string({
    caseExact: true,
    description: "A String that is an identifier for the resource as defined by the provisioning client.",
  }),
  meta: attr.complex(
    {
      resourceType: attr.string({
        caseExact: true,
        mutability: "readOnly",
        description: "The name of the resource type of the resource.",
      }),
      created: attr.dateTime({
        mutability: "readOnly",
        description: "The \"DateTime\" that the resource was added to the service provider.",
      }),
      lastModified: attr.dateTime({
        mutability: "readOnly",
        description: "The most recent DateTime that the details of this resource were updated at the service provider.",
      }),
      location: attr.reference({
        caseExact: true,
        mutability: "readOnly",
        referenceTypes: ["uri"],
        description: "The URI of the resource being returned.",
      }),
      version: attr.string({
        caseExact: true,
        mutability: "readOnly",
        description: "The version of the resource being returned (an ETag, RFC 7232).",
      }),
    },
    { required: true, mutability: "readOnly", description: "A complex attribute containing resource metadata." },
  ),
} as const;

/** The `schemas` attribute every resource and request carries (RFC 7643 §3). */
export const schemasAttribute = attr.reference({
  multiValued: true,
  required: true,
  caseExact: true,
  referenceTypes: ["uri"],
  description: "The schema URIs that define the attributes present in the resource.",
});

/** Names a resource type's core schema may not use, since every resource already has them. */
export const RESERVED_TOP_LEVEL = new Set(["id", "externalid", "meta", "schemas"]);
