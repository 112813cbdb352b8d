import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULE_IDS, RuleSettingsSchemas, RULE_ACTIONS } from '../../../lib/policy/schema';
import { RULES } from '../../../lib/rules';
import { RULE_CASES } from './rule-cases';

const rulesDir = resolve(__dirname, '../../../lib/rules');
// Every .ts file directly in lib/rules/ is one rule named after its file; shared code lives in lib/rules/shared/.
const ruleFiles = readdirSync(rulesDir, { withFileTypes: true })
  .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && entry.name !== 'index.ts')
  .map((entry) => entry.name.slice(0, -'.ts'.length));

describe('rule registry', () => {
  it('finds rule files to check', () => {
    expect(ruleFiles.length).toBeGreaterThanOrEqual(15);
  });

  it.each(ruleFiles)('%s is registered in lib/rules/index.ts under its file name', (file) => {
    expect(RULES.map((rule) => rule.id)).toContain(file);
    const source = readFileSync(resolve(rulesDir, `${file}.ts`), 'utf8');
    expect(source).toContain(`id: '${file}'`);
  });

  it('registers each rule once, and nothing that is not a file', () => {
    const ids = RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual([...ruleFiles].sort());
  });

  it('has policy settings for exactly the registered rules', () => {
    expect([...RULE_IDS].sort()).toEqual(RULES.map((rule) => rule.id).sort());
  });

  it.each(RULES.map((rule) => [rule.id, rule] as const))('%s has a title, a description and a valid default', (_id, rule) => {
    expect(rule.title.trim().length).toBeGreaterThan(3);
    expect(rule.description.trim().length).toBeGreaterThan(30);
    expect(RULE_ACTIONS).toContain(rule.defaultAction);
    // The rule's own defaults must pass its settings schema, or the defaults could never be written in a policy.
    expect(RuleSettingsSchemas[rule.id].safeParse({ action: rule.defaultAction, ...rule.defaultOptions }).success).toBe(true);
  });

  it.each(RULES.map((rule) => rule.id))('%s has positive and negative cases in test/unit/rules/rule-cases.ts', (id) => {
    const cases = RULE_CASES[id];
    expect(cases.some((c) => c.expect !== null)).toBe(true);
    expect(cases.some((c) => c.expect === null)).toBe(true);
  });
});
