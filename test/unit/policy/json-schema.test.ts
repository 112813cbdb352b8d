import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { POLICY_SCHEMA_FILE, policyJsonSchema, policyJsonSchemaText } from '../../../lib/policy/json-schema';
import { RULE_IDS } from '../../../lib/policy/schema';

const file = resolve(__dirname, '../../..', POLICY_SCHEMA_FILE);

describe('policy JSON Schema', () => {
  it('the committed file equals the schema generated from zod', () => {
    if (process.env.UPDATE_POLICY_SCHEMA === '1') writeFileSync(file, policyJsonSchemaText());
    expect(readFileSync(file, 'utf8')).toBe(policyJsonSchemaText());
  });

  it('rejects unknown keys at every level, like the zod schema', () => {
    const schema = policyJsonSchema() as {
      additionalProperties: boolean;
      properties: Record<string, { additionalProperties?: boolean; items?: { additionalProperties: boolean }; properties?: Record<string, { additionalProperties?: boolean }> }>;
    };
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.approvedIntegrations?.items?.additionalProperties).toBe(false);
    expect(schema.properties.blockedIntegrations?.items?.additionalProperties).toBe(false);
    expect(schema.properties.organization?.additionalProperties).toBe(false);
    expect(schema.properties.rules?.additionalProperties).toBe(false);
    for (const id of RULE_IDS) expect(schema.properties.rules?.properties?.[id]?.additionalProperties).toBe(false);
  });

  it('names the required keys the issue fixes: provider, clientId, scopes; provider, clientId', () => {
    const schema = policyJsonSchema() as { properties: Record<string, { items?: { required?: string[] } }> };
    expect(schema.properties.approvedIntegrations?.items?.required).toEqual(['provider', 'clientId', 'scopes']);
    expect(schema.properties.blockedIntegrations?.items?.required).toEqual(['provider', 'clientId']);
  });

  it('carries the strict date pattern, so editors refuse 2026-02-30 too', () => {
    const text = policyJsonSchemaText();
    const dates = JSON.parse(text) as { properties: { approvedIntegrations: { items: { properties: { expiresOn: { pattern: string; format: string } } } } } };
    const expiresOn = dates.properties.approvedIntegrations.items.properties.expiresOn;
    expect(expiresOn.format).toBe('date');
    const pattern = new RegExp(expiresOn.pattern);
    expect(pattern.test('2026-02-28')).toBe(true);
    expect(pattern.test('2028-02-29')).toBe(true);
    expect(pattern.test('2026-02-30')).toBe(false);
    expect(pattern.test('2026-04-31')).toBe(false);
  });
});
