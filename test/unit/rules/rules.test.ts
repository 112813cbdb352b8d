import { describe, expect, it } from 'vitest';
import { evaluateRequest } from '../../../lib/engine/evaluate-request';
import { compilePolicy } from '../../../lib/engine/compile-policy';
import { parsePolicy } from '../../../lib/policy/parse-policy';
import type { PolicyInput } from '../../../lib/policy/schema';
import { RULES } from '../../../lib/rules';
import { RULE_CASES, type RuleCase } from './rule-cases';
import { classify, NOW } from './request-fixtures';

function compile(input: PolicyInput = {}) {
  const parsed = parsePolicy(input);
  if (!parsed.ok) throw new Error(`test policy is invalid: ${JSON.stringify(parsed.errors)}`);
  return compilePolicy(parsed.policy);
}

const rows = Object.entries(RULE_CASES).flatMap(([rule, cases]) => cases.map((c): [string, string, RuleCase] => [rule, c.name, c]));

describe.each(RULES.map((rule) => rule.id))('rule %s', (id) => {
  it.each(rows.filter(([rule]) => rule === id))('%s: %s', (rule, _name, c) => {
    const evaluation = evaluateRequest(c.request, compile(c.policy), { now: NOW, page: c.page, classify });
    const findings = evaluation.findings.filter((finding) => finding.rule === rule);
    if (c.expect === null) {
      expect(findings).toEqual([]);
      return;
    }
    expect(findings.length).toBeGreaterThan(0);
    const finding = findings[findings.length - 1]!;
    expect(finding.severity).toBe(c.expect.severity);
    for (const words of c.expect.includes) expect(finding.message).toContain(words);
    for (const words of c.expect.excludes ?? []) expect(finding.message).not.toContain(words);
    if (c.expect.scopes !== undefined) expect(finding.scopes).toEqual(c.expect.scopes);
  });
});

describe('rule actions', () => {
  const write = { scopes: ['openid', 'Mail.Send'] };
  const base = RULE_CASES['read-only-unless-justified'][0]!.request;

  it.each([
    ['off', 0, undefined, undefined],
    ['inform', 1, undefined, undefined],
    ['review', 1, true, undefined],
    ['block', 1, undefined, true],
  ] as const)('action %s: %i finding(s), requiresReview %s, blocks %s', (action, count, requiresReview, blocks) => {
    const policy = compile({ rules: { 'read-only-unless-justified': { action } } });
    const findings = evaluateRequest({ ...base, ...write }, policy, { now: NOW, classify }).findings.filter(
      (finding) => finding.rule === 'read-only-unless-justified',
    );
    expect(findings).toHaveLength(count);
    if (count > 0) {
      expect(findings[0]!.requiresReview).toBe(requiresReview);
      expect(findings[0]!.blocks).toBe(blocks);
    }
  });
});
