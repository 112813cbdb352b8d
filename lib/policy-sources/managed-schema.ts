/**
 * Chrome's `storage.managed_schema`, derived from the policy's JSON Schema (itself generated from the zod schema),
 * so a managed policy and a policy file have exactly the same shape.
 *
 * Chrome accepts a subset of JSON Schema (draft 3 style): `type` (one of object, array, string, integer, number,
 * boolean), `properties`, `items`, `enum`, `minimum`/`maximum`, `title`, `description`; the top level must be an
 * object without `additionalProperties`. Values that do not match are dropped silently, so this schema is
 * deliberately structural: formats, patterns, lengths and required keys are left to Consent Gate's own validation
 * (lib/policy/parse-policy.ts), which reports every error on the options page instead of losing the value.
 * https://developer.chrome.com/docs/extensions/reference/manifest/storage
 */
import { policyJsonSchema } from '../policy/json-schema';

export const MANAGED_SCHEMA_FILE = 'public/managed_schema.json';

type JsonSchema = Record<string, unknown>;

/**
 * Enums Chrome must not check. Chrome drops a value outside the enum silently, so a misspelt `enforcement` would
 * arrive as no enforcement at all (the default, `warn`). Left to Consent Gate's own validation it is reported with
 * its path and falls back to the last good value or `block` (lib/policy/parse-managed-policy.ts).
 */
const ENUMS_LEFT_TO_VALIDATION = new Set(['$.enforcement']);

/** Keys a managed policy may not set: `$schema` is for editors only. */
const TOP_LEVEL_EXCLUDED = new Set(['$schema']);

function toChromeSchema(node: JsonSchema, path: string): JsonSchema {
  const out: JsonSchema = {};
  if (typeof node.title === 'string') out.title = node.title;
  if (typeof node.description === 'string') out.description = node.description;

  let type = node.type;
  if (node.const !== undefined) {
    // Chrome has no `const`; a one-value enum says the same. Its enums are for strings and integers.
    const value = node.const;
    type = typeof value === 'string' ? 'string' : Number.isInteger(value) ? 'integer' : type;
    out.type = type;
    out.enum = [value];
    return out;
  }
  if (typeof type !== 'string') {
    throw new Error(`The policy schema at ${path} has no single type; Chrome's managed_schema needs exactly one.`);
  }
  out.type = type;
  if (Array.isArray(node.enum) && !ENUMS_LEFT_TO_VALIDATION.has(path)) out.enum = [...node.enum];
  if ((type === 'integer' || type === 'number') && typeof node.minimum === 'number') out.minimum = node.minimum;
  if ((type === 'integer' || type === 'number') && typeof node.maximum === 'number') out.maximum = node.maximum;
  if (type === 'array') {
    if (typeof node.items !== 'object' || node.items === null) throw new Error(`The array at ${path} has no item schema.`);
    out.items = toChromeSchema(node.items as JsonSchema, `${path}[]`);
  }
  if (type === 'object') {
    const properties = (node.properties ?? {}) as Record<string, JsonSchema>;
    out.properties = Object.fromEntries(
      Object.entries(properties).map(([key, child]) => [key, toChromeSchema(child, `${path}.${key}`)]),
    );
    // A map with free keys (a zod record): Chrome takes an additionalProperties schema below the top level.
    if (typeof node.additionalProperties === 'object' && node.additionalProperties !== null) {
      out.additionalProperties = toChromeSchema(node.additionalProperties as JsonSchema, `${path}.*`);
    }
  }
  return out;
}

export function managedSchema(): JsonSchema {
  const source = policyJsonSchema();
  const properties = Object.fromEntries(
    Object.entries(source.properties as Record<string, JsonSchema>).filter(([key]) => !TOP_LEVEL_EXCLUDED.has(key)),
  );
  const converted = toChromeSchema({ ...source, properties }, '$');
  return { type: 'object', ...(converted.description ? { description: converted.description } : {}), properties: converted.properties };
}

export function managedSchemaText(): string {
  return `${JSON.stringify(managedSchema(), null, 2)}\n`;
}
