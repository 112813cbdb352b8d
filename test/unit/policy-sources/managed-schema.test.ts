import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MANAGED_SCHEMA_FILE, managedSchema, managedSchemaText } from '../../../lib/policy-sources/managed-schema';
import { PolicySchema } from '../../../lib/policy/schema';

const CHROME_KEYS = new Set(['type', 'title', 'description', 'properties', 'items', 'enum', 'minimum', 'maximum', 'additionalProperties']);
const CHROME_TYPES = new Set(['object', 'array', 'string', 'integer', 'number', 'boolean']);

function walk(node: Record<string, unknown>, path: string, visit: (node: Record<string, unknown>, path: string) => void) {
  visit(node, path);
  for (const [key, child] of Object.entries((node.properties ?? {}) as Record<string, Record<string, unknown>>)) walk(child, `${path}.${key}`, visit);
  if (node.items) walk(node.items as Record<string, unknown>, `${path}[]`, visit);
  if (node.additionalProperties) walk(node.additionalProperties as Record<string, unknown>, `${path}.*`, visit);
}

describe('managed_schema', () => {
  it('the committed public/managed_schema.json is the generated one (regenerate: UPDATE_MANAGED_SCHEMA=1)', () => {
    if (process.env.UPDATE_MANAGED_SCHEMA) writeFileSync(MANAGED_SCHEMA_FILE, managedSchemaText());
    expect(readFileSync(MANAGED_SCHEMA_FILE, 'utf8')).toBe(managedSchemaText());
  });

  it('has a top-level object without additionalProperties', () => {
    const schema = managedSchema();
    expect(schema.type).toBe('object');
    expect(schema).not.toHaveProperty('additionalProperties');
  });

  it('uses only what Chrome understands: one type per node, known keywords', () => {
    walk(managedSchema(), '$', (node, path) => {
      expect(CHROME_TYPES.has(String(node.type)), `${path} type ${String(node.type)}`).toBe(true);
      for (const key of Object.keys(node)) expect(CHROME_KEYS.has(key), `${path} has ${key}`).toBe(true);
    });
  });

  it('offers every top-level policy key but $schema, so managed and file policies share one shape', () => {
    const policyKeys = Object.keys(PolicySchema.shape).filter((key) => key !== '$schema').sort();
    expect(Object.keys(managedSchema().properties as object).sort()).toEqual(policyKeys);
  });

  it('leaves the enforcement values to Consent Gate, so a misspelt one fails closed instead of being dropped', () => {
    const enforcement = (managedSchema().properties as Record<string, Record<string, unknown>>).enforcement;
    expect(enforcement).toMatchObject({ type: 'string' });
    expect(enforcement).not.toHaveProperty('enum');
  });
});
