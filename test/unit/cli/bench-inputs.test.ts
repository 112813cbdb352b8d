import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROVIDER_IDS } from '../../../lib/authorization-request';
import { defaultCompiledPolicy } from '../../../lib/engine/default-policy';
import { compilePolicy } from '../../../lib/engine/compile-policy';
import { parsePolicy } from '../../../lib/policy/parse-policy';
import { checkInput } from '../../../scripts/cli/check-input';
import { loadFixtureUrls } from '../../../scripts/bench/fixture-urls';
import { generatePolicy } from '../../../scripts/bench/generate-policy';
import { createHostileInputs } from '../../../scripts/bench/hostile-inputs';
import { CLIENT_TEMPLATES } from '../../../scripts/bench/sample-authorization-urls';
import { createSeededRandom } from '../../../scripts/bench/seeded-random';
import { createUrlMix } from '../../../scripts/bench/url-mix';

const NOW = new Date(2026, 5, 15, 12);

describe('benchmark inputs', () => {
  it('repeats the same sequence for the same seed', () => {
    const a = createSeededRandom(42);
    const b = createSeededRandom(42);
    const first = Array.from({ length: 100 }, () => a.next());
    expect(Array.from({ length: 100 }, () => b.next())).toEqual(first);
    expect(first.every((value) => value >= 0 && value < 1)).toBe(true);
    expect(new Set(first).size).toBe(100);
  });

  it('generates a valid policy whose approved clients are recognised and approved', () => {
    const random = createSeededRandom(1);
    const { policy, approved } = generatePolicy(random, 300);
    const parsed = parsePolicy(policy);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors.slice(0, 3)));
    expect(parsed.policy.approvedIntegrations).toHaveLength(300);
    const compiled = compilePolicy(parsed.policy);
    const verdicts = new Map<string, number>();
    for (const client of approved) {
      const template = CLIENT_TEMPLATES.find((candidate) => candidate.provider === client.provider);
      if (template === undefined) throw new Error(client.provider);
      const record = checkInput(template.url(client.clientId, client.scopes, random), compiled, NOW);
      expect(record).toMatchObject({ isAuthorizationRequest: true, provider: client.provider, clientId: client.clientId });
      verdicts.set(String(record.verdict), (verdicts.get(String(record.verdict)) ?? 0) + 1);
    }
    // Most are approved outright; expired approvals and Zoom's unnamed scopes account for the rest.
    expect(verdicts.get('approved') ?? 0).toBeGreaterThan(approved.length / 2);
  });

  it('covers every named provider in the URL mix', () => {
    const providers = new Set(CLIENT_TEMPLATES.map((template) => template.provider));
    for (const provider of PROVIDER_IDS) expect(providers).toContain(provider);
    const random = createSeededRandom(3);
    const urls = createUrlMix(random, generatePolicy(random, 50).approved, 2_000);
    const seen = new Set(urls.map((url) => checkInput(url, defaultCompiledPolicy(), NOW).provider));
    for (const provider of providers) expect(seen).toContain(provider);
    expect(seen).toContain(null);
  });

  it.each(createHostileInputs().map((hostile) => [hostile.name, hostile.input] as const))('judges hostile input "%s" without throwing', (_name, input) => {
    const record = checkInput(input, defaultCompiledPolicy(), NOW);
    expect(typeof record.isAuthorizationRequest).toBe('boolean');
    expect(JSON.parse(JSON.stringify(record))).toEqual(record);
  });

  it('reads fixture URLs from text, JSON and JSON Lines, not scope URLs', () => {
    const folder = mkdtempSync(join(tmpdir(), 'consent-gate-fixtures-'));
    mkdirSync(join(folder, 'google'));
    writeFileSync(join(folder, 'a.txt'), 'https://a.test/1\r\n# comment\n\nhttps://a.test/2\n');
    writeFileSync(join(folder, 'google', 'b.json'), JSON.stringify([{ name: 'x', url: 'https://b.test/1', scopes: ['https://www.googleapis.com/auth/drive'] }, 'https://b.test/2']));
    writeFileSync(join(folder, 'c.jsonl'), `${JSON.stringify({ input: 'https://c.test/1', expected: { redirectUri: 'https://c.test/cb' } })}\n`);
    expect(loadFixtureUrls(folder).sort()).toEqual(['https://a.test/1', 'https://a.test/2', 'https://b.test/1', 'https://b.test/2', 'https://c.test/1']);
    expect(loadFixtureUrls(join(folder, 'missing'))).toEqual([]);
  });
});
