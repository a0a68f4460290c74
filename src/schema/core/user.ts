// RFC 7643 §4.1 / §8.7.1 User schema, with the errata verdicts of shared/rfc7643/errata.md applied.
// Generated once from the corrected figures by the codegen in src/discovery/codegen.ts; test/builtins-json.test.ts
// compares toJSON() with those figures.
import { attr } from "../attribute.js";
import { defineSchema } from "../define-schema.js";

/**
 * RFC 7643 §4.1 / §8.7.1 User schema.
 *
 * @example
 * ```ts
 * const user = defineResourceType({ name: "User", endpoint: "/Users", schema: UserSchema });
 * ```
 */
export const UserSchema = defineSchema({
  id: "urn:ietf:params:scim:schemas:core:2.0:User",
  name: "User",
  description: "User Account",
  attributes: {
    userName: attr.string({
      required: true,
      caseExact: false,
      uniqueness: "server",
      description: "Unique identifier for the User, typically used by the user to directly authenticate to the service provider. Each User MUST include a non-empty userName value.  This identifier MUST be unique across the service provider's entire set of Users. REQUIRED.",
    }),
    name: attr.complex(
      {
        formatted: attr.string({
          caseExact: false,
          uniqueness: "none",
          description: "The full name, including all middle names, titles, and suffixes as appropriate, formatted for display (e.g., 'Ms. Barbara J Jensen, III').",
        }),
        familyName: attr.string({
          caseExact: false,
          uniqueness: "none",
          description: "The family name of the User, or last name in most Western languages (e.g., 'Jensen' given the full name 'Ms. Barbara J Jensen, III').",
        }),
        givenName: attr.string({
          caseExact: false,
          uniqueness: "none",
          description: "The given name of the User, or first name in most Western languages (e.g., 'Barbara' given the full name 'Ms. Barbara J Jensen, III').",
        }),
        middleName: attr.string({
          caseExact: false,
          uniqueness: "none",
          description: "The middle name(s) of the User (e.g., 'Jane' given the full name 'Ms. Barbara J Jensen, III').",
        }),
        honorificPrefix: attr.string({
          caseExact: false,
          uniqueness: "none",
          description: "The honorific prefix(es) of the User, or title in most Western languages (e.g., 'Ms.' given the full name 'Ms. Barbara J Jensen, III').",
        }),
        honorificSuffix: attr.string({
          caseExact: false,
          uniqueness: "none",
          description: "The honorific suffix(es) of the User, or suffix in most Western languages (e.g., 'III' given the full name 'Ms. Barbara J Jensen, III').",
        }),
      },
      {
        uniqueness: "none",
        description: "The components of the user's real name. Providers MAY return just the full name as a single string in the formatted sub-attribute, or they MAY return just the individual component attributes using the other sub-attributes, or they MAY return both.  If both variants are returned, they SHOULD be describing the same name, with the formatted name indicating how the component attributes should be combined.",
      },
    ),
    displayName: attr.string({
      caseExact: false,
      uniqueness: "none",
      description: "The name of the User, suitable for display to end-users.  The name SHOULD be the full name of the User being described, if known.",
    }),
    nickName: attr.string({
      caseExact: false,
      uniqueness: "none",
      description: "The casual way to address the user in real life, e.g., 'Bob' or 'Bobby' instead of 'Robert'.  This attribute SHOULD NOT be used to represent a User's username (e.g., 'bjensen' or 'mpepperidge').",
    }),
    profileUrl: attr.reference({
      caseExact: true,
      uniqueness: "none",
      referenceTypes: ["external"],
      description: "A fully qualified URL pointing to a page representing the User's online profile.",
    }),
    title: attr.string({
      caseExact: false,
      uniqueness: "none",
      description: "The user's title, such as \"Vice President.\"",
    }),
    userType: attr.string({
      caseExact: false,
      uniqueness: "none",
      description: "Used to identify the relationship between the organization and the user.  Typical values used might be 'Contractor', 'Employee', 'Intern', 'Temp', 'External', and 'Unknown', but any value may be used.",
    }),
    preferredLanguage: attr.string({
      caseExact: false,
      uniqueness: "none",
      description: "Indicates the User's preferred written or spoken language.  Generally used for selecting a localized user interface; e.g., 'en-US' specifies the language English and country US.",
    }),
    locale: attr.string({
      caseExact: false,
      uniqueness: "none",
      description: "Used to indicate the User's default location for purposes of localizing items such as currency, date time format, or numerical representations.",
    }),
    timezone: attr.string({
      caseExact: false,
      uniqueness: "none",
      description: "The User's time zone in the 'Olson' time zone database format, e.g., 'America/Los_Angeles'.",
    }),
    active: attr.boolean({ description: "A Boolean value indicating the User's administrative status." }),
    password: attr.string({
      caseExact: false,
      mutability: "writeOnly",
      returned: "never",
      uniqueness: "none",
      description: "The User's cleartext password.  This attribute is intended to be used as a means to specify an initial password when creating a new User or to reset an existing User's password.",
    }),
    emails: attr.complex(
      {
        value: attr.string({
          caseExact: false,
          uniqueness: "none",
          description: "Email addresses for the user.  The value SHOULD be canonicalized by the service provider, e.g., 'bjensen@example.com' instead of 'bjensen@EXAMPLE.COM'. Canonical type values of 'work', 'home', and 'other'.",
        }),
        display: attr.string({
          caseExact: false,
          uniqueness: "none",
          description: "A human-readable name, primarily used for display purposes.",
        }),
        type: attr.string({
          caseExact: false,
          uniqueness: "none",
          canonicalValues: ["work", "home", "other"],
          description: "A label indicating the attribute's function, e.g., 'work' or 'home'.",
        }),
        primary: attr.boolean({
          description: "A Boolean value indicating the 'primary' or preferred attribute value for this attribute, e.g., the preferred mailing address or primary email address.  The primary attribute value 'true' MUST appear no more than once.",
        }),
      },
      {
        multiValued: true,
        uniqueness: "none",
        description: "Email addresses for the user.  The value SHOULD be canonicalized by the service provider, e.g., 'bjensen@example.com' instead of 'bjensen@EXAMPLE.COM'. Canonical type values of 'work', 'home', and 'other'.",
      },
    ),
    phoneNumbers: attr.complex(
      {
        value: attr.string({ caseExact: false, uniqueness: "none", description: "Phone number of the User." }),
        display: attr.string({
          caseExact: false,
          uniqueness: "none",
          description: "A human-readable name, primarily used for display purposes.",
        }),
        type: attr.string({
          caseExact: false,
          uniqueness: "none",
          canonicalValues: ["work", "home", "mobile", "fax", "pager", "other"],
          description: "A label indicating the attribute's function, e.g., 'work', 'home', 'mobile'.",
        }),
        primary: attr.boolean({
          description: "A Boolean value indicating the 'primary' or preferred attribute value for this attribute, e.g., the preferred phone number or primary phone number.  The primary attribute value 'true' MUST appear no more than once.",
        }),
      },
      {
        multiValued: true,
        description: "Phone numbers for the User.  The value SHOULD be canonicalized by the service provider according to the format specified in RFC 3966, e.g., 'tel:+1-201-555-0123'. Canonical type values of 'work', 'home', 'mobile', 'fax', 'pager', and 'other'.",
      },
    ),
    ims: attr.complex(
      {
        value: attr.string({
          caseExact: false,
          uniqueness: "none",
          description: "Instant messaging address for the User.",
        }),
        display: attr.string({
          caseExact: false,
          uniqueness: "none",
          description: "A human-readable name, primarily used for display purposes.",
        }),
        type: attr.string({
          caseExact: false,
          uniqueness: "none",
          canonicalValues: ["aim", "gtalk", "icq", "xmpp", "msn", "skype", "qq", "yahoo"],
          description: "A label indicating the attribute's function, e.g., 'aim', 'gtalk', 'xmpp'.",
        }),
        primary: attr.boolean({
          description: "A Boolean value indicating the 'primary' or preferred attribute value for this attribute, e.g., the preferred messenger or primary messenger.  The primary attribute value 'true' MUST appear no more than once.",
        }),
      },
      { multiValued: true, description: "Instant messaging addresses for the User." },
    ),
    photos: attr.complex(
      {
        value: attr.reference({
          caseExact: true,
          uniqueness: "none",
          referenceTypes: ["external"],
          description: "URL of a photo of the User.",
        }),
        display: attr.string({
          caseExact: false,
          uniqueness: "none",
          description: "A human-readable name, primarily used for display purposes.",
        }),
        type: attr.string({
          caseExact: false,
          uniqueness: "none",
          canonicalValues: ["photo", "thumbnail"],
          description: "A label indicating the attribute's function, i.e., 'photo' or 'thumbnail'.",
        }),
        primary: attr.boolean({
          description: "A Boolean value indicating the 'primary' or preferred attribute value for this attribute, e.g., the preferred photo or thumbnail.  The primary attribute value 'true' MUST appear no more than once.",
        }),
      },
      { multiValued: true, description: "URLs of photos of the User." },
    ),
    addresses: attr.complex(
      {
        formatted: attr.string({
          caseExact: false,
          uniqueness: "none",
          description: "The full mailing address, formatted for display or use with a mailing label.  This attribute MAY contain newlines.",
        }),
        streetAddress: attr.string({
          caseExact: false,
          uniqueness: "none",
          description: "The full street address component, which may include house number, street name, P.O. box, and multi-line extended street address information.  This attribute MAY contain newlines.",
        }),
        locality: attr.string({ caseExact: false, uniqueness: "none", description: "The city or locality component." }),
        region: attr.string({ caseExact: false, uniqueness: "none", description: "The state or region component." }),
        postalCode: attr.string({
          caseExact: false,
          uniqueness: "none",
          description: "The zip code or postal code component.",
        }),
        country: attr.string({ caseExact: false, uniqueness: "none", description: "The country name component." }),
        type: attr.string({
          caseExact: false,
          uniqueness: "none",
          canonicalValues: ["work", "home", "other"],
          description: "A label indicating the attribute's function, e.g., 'work' or 'home'.",
        }),
        primary: attr.boolean({
          description: "A Boolean value indicating the 'primary' or preferred attribute value for this attribute, e.g., the preferred mailing address or primary email address.  The primary attribute value 'true' MUST appear no more than once.",
        }),
      },
      {
        multiValued: true,
        uniqueness: "none",
        description: "A physical mailing address for this User. Canonical type values of 'work', 'home', and 'other'.  This attribute is a complex type with the following sub-attributes.",
      },
    ),
    groups: attr.complex(
      {
        value: attr.string({
          caseExact: true,
          mutability: "readOnly",
          uniqueness: "none",
          description: "The identifier of the User's group.",
        }),
        $ref: attr.reference({
          caseExact: true,
          mutability: "readOnly",
          uniqueness: "none",
          referenceTypes: ["Group"],
          description: "The URI of the corresponding 'Group' resource to which the user belongs.",
        }),
        display: attr.string({
          caseExact: false,
          mutability: "readOnly",
          uniqueness: "none",
          description: "A human-readable name, primarily used for display purposes.",
        }),
        type: attr.string({
          caseExact: false,
          mutability: "readOnly",
          uniqueness: "none",
          canonicalValues: ["direct", "indirect"],
          description: "A label indicating the attribute's function, e.g., 'direct' or 'indirect'.",
        }),
      },
      {
        multiValued: true,
        mutability: "readOnly",
        description: "A list of groups to which the user belongs, either through direct membership, through nested groups, or dynamically calculated.",
      },
    ),
    entitlements: attr.complex(
      {
        value: attr.string({ caseExact: false, uniqueness: "none", description: "The value of an entitlement." }),
        display: attr.string({
          caseExact: false,
          uniqueness: "none",
          description: "A human-readable name, primarily used for display purposes.",
        }),
        type: attr.string({
          caseExact: false,
          uniqueness: "none",
          description: "A label indicating the attribute's function.",
        }),
        primary: attr.boolean({
          description: "A Boolean value indicating the 'primary' or preferred attribute value for this attribute.  The primary attribute value 'true' MUST appear no more than once.",
        }),
      },
      {
        multiValued: true,
        description: "A list of entitlements for the User that represent a thing the User has.",
      },
    ),
    roles: attr.complex(
      {
        value: attr.string({ caseExact: false, uniqueness: "none", description: "The value of a role." }),
        display: attr.string({
          caseExact: false,
          uniqueness: "none",
          description: "A human-readable name, primarily used for display purposes.",
        }),
        type: attr.string({
          caseExact: false,
          uniqueness: "none",
          canonicalValues: [],
          description: "A label indicating the attribute's function.",
        }),
        primary: attr.boolean({
          description: "A Boolean value indicating the 'primary' or preferred attribute value for this attribute.  The primary attribute value 'true' MUST appear no more than once.",
        }),
      },
      {
        multiValued: true,
        description: "A list of roles for the User that collectively represent who the User is, e.g., 'Student', 'Faculty'.",
      },
    ),
    x509Certificates: attr.complex(
      {
        value: attr.binary({ caseExact: true, uniqueness: "none", description: "The value of an X.509 certificate." }),
        display: attr.string({
          caseExact: false,
          uniqueness: "none",
          description: "A human-readable name, primarily used for display purposes.",
        }),
        type: attr.string({
          caseExact: false,
          uniqueness: "none",
          canonicalValues: [],
          description: "A label indicating the attribute's function.",
        }),
        primary: attr.boolean({
          description: "A Boolean value indicating the 'primary' or preferred attribute value for this attribute.  The primary attribute value 'true' MUST appear no more than once.",
        }),
      },
      {
        multiValued: true,
        caseExact: false,
        description: "A list of certificates issued to the User.",
      },
    ),
  },
});
