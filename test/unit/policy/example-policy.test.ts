import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePolicyText } from '../../../lib/policy/parse-policy';
import { RULES } from '../../../lib/rules';

const root = resolve(__dirname, '../../..');

describe('examples/policy.example.jsonc', () => {
  const text = readFileSync(resolve(root, 'examples/policy.example.jsonc'), 'utf8');

  it('is a valid policy', () => {
    const result = parsePolicyText(text);
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it('points editors at the committed JSON Schema', () => {
    const result = parsePolicyText(text);
    const schemaPath = result.ok ? result.policy.$schema : undefined;
    expect(schemaPath).toBeDefined();
    expect(readFileSync(resolve(root, 'examples', schemaPath!), 'utf8')).toContain('"additionalProperties": false');
  });

  it('is walked through in examples/README.md, which names every rule', () => {
    const readme = readFileSync(resolve(root, 'examples/README.md'), 'utf8');
    for (const rule of RULES) expect(readme).toContain(`\`${rule.id}\``);
  });
});
