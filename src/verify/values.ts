import type { ResolvedAttribute } from "../schema/schema-index.js";

/**
 * Generates attribute values for the verifier's own test resources: of the attribute's type,
 * canonical values respected, and distinct (a run token plus a counter) so that
 * `uniqueness: "server"` attributes never collide with existing data or with each other.
 */
export class ValueFactory {
  private counter = 0;

  constructor(readonly token: string) {}

  /**
   * A fresh value of one attribute (an array of one item when multi-valued). `readOnly`: also
   * fill readOnly sub-attributes (for values the server must ignore).
   */
  value(attribute: ResolvedAttribute, variant = 0, readOnly = false): unknown {
    const one = this.single(attribute, variant, readOnly);
    return attribute.attribute.multiValued ? [one] : one;
  }

  /** One value (one element of a multi-valued attribute). */
  single(attribute: ResolvedAttribute, variant = 0, readOnly = false): unknown {
    const a = attribute.attribute;
    const n = ++this.counter;
    switch (a.type) {
      case "boolean":
        return variant % 2 === 0;
      case "integer":
        return 100 + n;
      case "decimal":
        return 100.5 + n;
      case "dateTime":
        return new Date(Date.UTC(2020, 0, 1 + n, 3, 4, 5)).toISOString().replace(".000Z", "Z");
      case "binary":
        return btoa(`scimtype-verify-${this.token}-${n}`);
      case "reference":
        return `https://scimtype-verify.example/${this.token}/${attribute.name}/${n}`;
      case "complex": {
        const out: Record<string, unknown> = {};
        for (const sub of attribute.subAttributes?.values() ?? []) {
          if ((sub.attribute.mutability === "readOnly" && !readOnly) || sub.attribute.type === "reference") continue;
          if (sub.attribute.type === "boolean" && sub.name === "primary") continue;
          out[sub.name] = this.value(sub, variant, readOnly);
        }
        return out;
      }
      default: {
        const canonical = a.canonicalValues;
        if (canonical !== undefined && canonical.length > 0) {
          return canonical[variant % canonical.length] ?? canonical[0];
        }
        if (attribute.name.toLowerCase() === "value" && attribute.parent?.name.toLowerCase() === "emails") {
          return `verify-${this.token}-${n}@scimtype-verify.example`;
        }
        return `scimtype-verify-${this.token}-${n}`;
      }
    }
  }

  /** A value different from `than` (for an attempted change). */
  other(attribute: ResolvedAttribute, than: unknown, readOnly = false): unknown {
    for (let variant = 1; variant < 4; variant++) {
      const candidate = this.value(attribute, variant, readOnly);
      if (JSON.stringify(candidate) !== JSON.stringify(than)) return candidate;
    }
    return this.value(attribute, 7, readOnly);
  }
}
