import { ScimError } from "../errors.js";
import { schemaFromJSON } from "../discovery/ingest.js";
import { type AnyResourceType, defineResourceType, resourceIndex } from "../resource-type.js";
import type { AnySchema } from "../schema/define-schema.js";
import type { ResourceIndex } from "../schema/schema-index.js";
import type { Session } from "./session.js";

/** A resource type the server advertises, rebuilt from its discovery documents. */
export interface DiscoveredType {
  readonly rt: AnyResourceType;
  readonly index: ResourceIndex;
}

function resources(json: unknown): unknown[] {
  if (Array.isArray(json)) return json;
  if (typeof json === "object" && json !== null && Array.isArray((json as Record<string, unknown>).Resources)) {
    return (json as Record<string, unknown[]>).Resources as unknown[];
  }
  return [];
}

/**
 * Reads `/ResourceTypes` and `/Schemas` (RFC 7644 §4) and ingests them with `schemaFromJSON`:
 * the verifier checks what the server promises, nothing else. Returns the resource types and a
 * note for every document it could not use.
 */
export async function discover(session: Session): Promise<{ types: DiscoveredType[]; notes: string[] }> {
  const notes: string[] = [];
  const rtExchange = await session.send("GET", "/ResourceTypes");
  const schemaExchange = await session.send("GET", "/Schemas");
  if (rtExchange.response.status !== 200 || schemaExchange.response.status !== 200) {
    throw new ScimError(
      502,
      undefined,
      `Discovery failed: GET /ResourceTypes answered ${rtExchange.response.status}, GET /Schemas answered ${schemaExchange.response.status} (RFC 7644 §4)`,
    );
  }
  const schemas = new Map<string, AnySchema>();
  for (const json of resources(schemaExchange.json)) {
    try {
      const schema = schemaFromJSON(json);
      schemas.set(schema.id.toLowerCase(), schema);
    } catch (error) {
      notes.push(`a /Schemas entry was not usable: ${ScimError.is(error) ? error.detail : String(error)}`);
    }
  }
  const types: DiscoveredType[] = [];
  for (const json of resources(rtExchange.json)) {
    const r = json as Record<string, unknown>;
    try {
      const core = schemas.get(String(r.schema).toLowerCase());
      if (core === undefined) throw new Error(`its schema '${String(r.schema)}' is not in /Schemas`);
      const extensions = (Array.isArray(r.schemaExtensions) ? r.schemaExtensions : []).flatMap((e: Record<string, unknown>) => {
        const schema = schemas.get(String(e.schema).toLowerCase());
        if (schema === undefined) {
          notes.push(`resource type '${String(r.name)}': extension '${String(e.schema)}' is not in /Schemas`);
          return [];
        }
        return [{ schema, required: e.required === true }];
      });
      const rt = defineResourceType({
        name: String(r.name ?? r.id),
        endpoint: String(r.endpoint),
        schema: core,
        extensions,
      }) as unknown as AnyResourceType;
      types.push({ rt, index: resourceIndex(rt) });
    } catch (error) {
      notes.push(`resource type '${String(r.name ?? r.id)}' was not usable: ${ScimError.is(error) ? error.detail : (error as Error).message}`);
    }
  }
  return { types, notes };
}
