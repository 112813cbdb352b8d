import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../scripts/cli/run-cli';
import { jsonLines, runInProcess } from './cli-harness';

const GITHUB = 'https://github.com/login/oauth/authorize?client_id=abc&scope=repo';
const GITHUB_ADMIN = 'https://github.com/login/oauth/authorize?client_id=abc&scope=repo%20admin:org';

const folder = mkdtempSync(join(tmpdir(), 'consent-gate-cli-'));
function policyFile(name: string, text: string): string {
  const path = join(folder, name);
  writeFileSync(path, text);
  return path;
}

const APPROVING = policyFile(
  'approving.json',
  JSON.stringify({
    enforcement: 'block',
    approvedIntegrations: [{ name: 'Code search', provider: 'github', clientId: 'abc', scopes: ['repo'], expiresOn: '2026-12-31', reviewBy: '2026-03-01' }],
    blockedIntegrations: [{ provider: 'github', clientId: 'evil', reason: 'Data broker' }],
    rules: { 'offline-access': { action: 'inform' } },
  }),
);
const INVALID = policyFile(
  'invalid.json',
  JSON.stringify({ enforcement: 'strict', approvedIntegrations: [{ provider: 'github', scopes: 'repo', expireOn: '2026-01-01' }] }, null, 2),
);
const BROKEN_JSON = policyFile('broken.json', '{\n  "enforcement": "warn",\n  "approvedIntegrations": [\n    { "provider": "github" "clientId": "a" }\n  ]\n}\n');

describe('consent-gate (in process)', () => {
  it.each([[], ['--help'], ['-h'], ['help']])('prints the general help for %j', async (...argv) => {
    const outcome = await runInProcess(argv);
    const text = outcome.stdout + outcome.stderr;
    for (const command of COMMANDS) expect(text).toContain(command.name);
    expect(outcome.code).toBe(argv.length === 0 ? 2 : 0);
  });

  it.each(COMMANDS.map((command) => command.name))('%s --help shows its usage and options', async (name) => {
    const outcome = await runInProcess([name, '--help']);
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toContain(`Usage: npm run --silent cli -- ${name}`);
    expect(outcome.stdout).toContain('--help');
  });

  it.each([
    { argv: ['chek', GITHUB], error: 'unknown command "chek"' },
    { argv: ['--verbose'], error: 'unknown option "--verbose"' },
    { argv: ['check', '--polcy', 'x', GITHUB], error: 'unknown option --polcy' },
    { argv: ['check', '--policy'], error: '--policy needs a value' },
    { argv: ['check', '--today', '2026-02-30', GITHUB], error: '--today needs a real date' },
    { argv: ['check', '--human'], error: '--human explains exactly one URL' },
    { argv: ['check', '--human', GITHUB, GITHUB], error: '--human explains exactly one URL' },
    { argv: ['explain'], error: 'expects exactly one URL, got 0' },
    { argv: ['explain', '--colour', GITHUB], error: 'unknown option --colour' },
    { argv: ['validate'], error: 'expects exactly one policy file, got 0' },
    { argv: ['validate', 'a.json', 'b.json'], error: 'expects exactly one policy file, got 2' },
  ])('refuses $argv with exit 2', async ({ argv, error }) => {
    const outcome = await runInProcess(argv);
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toContain(error);
    expect(outcome.stdout).toBe('');
  });

  describe('check', () => {
    it('answers each URL argument in order', async () => {
      const outcome = await runInProcess(['check', GITHUB, 'https://example.com/', GITHUB_ADMIN]);
      expect(outcome.code).toBe(0);
      const records = jsonLines(outcome.stdout);
      expect(records.map((record) => record.input)).toEqual([GITHUB, 'https://example.com/', GITHUB_ADMIN]);
      expect(records.map((record) => record.isAuthorizationRequest)).toEqual([true, false, true]);
      expect(records[2]?.risk).toBe('critical');
    });

    it.each([
      { name: 'LF', stdin: `${GITHUB}\n\nhttps://example.com/\n`, inputs: [GITHUB, '', 'https://example.com/'] },
      { name: 'CRLF', stdin: `${GITHUB}\r\n\r\nhttps://example.com/\r\n`, inputs: [GITHUB, '', 'https://example.com/'] },
      { name: 'no final newline', stdin: `${GITHUB}\nhttps://example.com/`, inputs: [GITHUB, 'https://example.com/'] },
      { name: 'only a newline', stdin: '\n', inputs: [''] },
      { name: 'nothing', stdin: '', inputs: [] },
      { name: 'UTF-8', stdin: 'https://example.com/ü?x=東京\n', inputs: ['https://example.com/ü?x=東京'] },
    ])('reads stdin line by line ($name)', async ({ stdin, inputs }) => {
      const outcome = await runInProcess(['check'], { stdin });
      expect(outcome.code).toBe(0);
      expect(jsonLines(outcome.stdout).map((record) => record.input)).toEqual(inputs);
    });

    it('uses the built-in defaults without --policy', async () => {
      const [record] = jsonLines((await runInProcess(['check', GITHUB])).stdout);
      expect(record?.verdict).toBe('needs-review');
    });

    it.each([
      { url: GITHUB, verdict: 'approved' },
      { url: GITHUB_ADMIN, verdict: 'needs-review', rule: 'scope-creep' },
      { url: 'https://github.com/login/oauth/authorize?client_id=evil&scope=read:user', verdict: 'blocked', rule: 'blocked-client' },
    ])('judges by --policy: $verdict', async ({ url, verdict, rule }) => {
      const outcome = await runInProcess(['check', '--policy', APPROVING, '--today', '2026-06-15', url]);
      expect(outcome.code).toBe(0);
      const [record] = jsonLines(outcome.stdout);
      expect(record?.verdict).toBe(verdict);
      if (rule !== undefined) expect((record?.findings as { rule: string }[]).map((finding) => finding.rule)).toContain(rule);
    });

    it('judges dates as of --today', async () => {
      const outcome = await runInProcess(['check', `--policy=${APPROVING}`, '--today=2027-01-01', GITHUB]);
      const [record] = jsonLines(outcome.stdout);
      expect(record?.verdict).not.toBe('approved');
      expect((record?.findings as { rule: string }[]).map((finding) => finding.rule)).toContain('approval-expired');
    });

    it.each([
      { name: 'invalid', file: INVALID, error: '$.enforcement' },
      { name: 'broken JSON', file: BROKEN_JSON, error: 'broken.json:4:' },
      { name: 'missing', file: join(folder, 'missing.json'), error: 'cannot be read' },
    ])('refuses an $name policy with exit 2 and prints nothing on stdout', async ({ file, error }) => {
      const outcome = await runInProcess(['check', '--policy', file], { stdin: `${GITHUB}\n` });
      expect(outcome.code).toBe(2);
      expect(outcome.stdout).toBe('');
      expect(outcome.stderr).toContain(error);
    });

    it('--human explains one URL', async () => {
      const outcome = await runInProcess(['check', '--human', GITHUB_ADMIN]);
      expect(outcome.code).toBe(0);
      expect(outcome.stdout).toContain('Verdict: NEEDS-REVIEW');
      expect(outcome.stdout).toContain('admin:org');
    });
  });

  describe('explain', () => {
    it('colours only a terminal without NO_COLOR', async () => {
      const plain = await runInProcess(['explain', GITHUB_ADMIN]);
      const terminal = await runInProcess(['explain', GITHUB_ADMIN], { stdoutIsTty: true, columns: 100 });
      const noColour = await runInProcess(['explain', GITHUB_ADMIN], { stdoutIsTty: true, columns: 100, env: { NO_COLOR: '1' } });
      expect(plain.stdout).not.toContain('\u001b[');
      expect(noColour.stdout).not.toContain('\u001b[');
      expect(terminal.stdout).toContain('\u001b[');
      for (const line of noColour.stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(100);
    });

    it('uses --policy', async () => {
      const outcome = await runInProcess(['explain', '--policy', APPROVING, '--today', '2026-06-15', GITHUB]);
      expect(outcome.stdout).toContain('Verdict: APPROVED');
      expect(outcome.stdout).toContain('Code search');
    });
  });

  describe('validate', () => {
    it('summarises a valid policy with exit 0', async () => {
      const outcome = await runInProcess(['validate', APPROVING]);
      expect(outcome.code).toBe(0);
      expect(outcome.stdout).toContain('the policy is valid');
      expect(outcome.stdout).toMatch(/Approved integrations\s+1/);
      expect(outcome.stdout).toMatch(/Blocked integrations\s+1/);
      expect(outcome.stdout).toMatch(/Enforcement\s+block/);
      expect(outcome.stdout).toContain('offline-access: inform');
    });

    it('lists every problem with its JSON path and a fix, exit 2', async () => {
      const outcome = await runInProcess(['validate', INVALID]);
      expect(outcome.code).toBe(2);
      for (const path of ['$.enforcement', '$.approvedIntegrations[0].clientId', '$.approvedIntegrations[0].scopes', '$.approvedIntegrations[0].expireOn']) {
        expect(outcome.stdout).toContain(path);
      }
      expect(outcome.stdout).toContain('Did you mean "expiresOn"?');
      const problems = outcome.stdout.match(/^ {2}\d+\. /gm) ?? [];
      expect(problems.length).toBeGreaterThanOrEqual(4);
      expect(outcome.stdout.match(/Fix: /g)?.length).toBe(problems.length);
    });

    it('points at the line and column of broken JSON, exit 2', async () => {
      const outcome = await runInProcess(['validate', BROKEN_JSON]);
      expect(outcome.code).toBe(2);
      expect(outcome.stdout).toMatch(/broken\.json:4:\d+/);
      expect(outcome.stdout).toContain('Fix: ');
    });

    it.each([
      { name: 'missing file', file: join(folder, 'nope.json'), fix: 'Check the path' },
      { name: 'folder', file: folder, fix: 'not of its folder' },
    ])('explains a $name, exit 2', async ({ file, fix }) => {
      const outcome = await runInProcess(['validate', file]);
      expect(outcome.code).toBe(2);
      expect(outcome.stdout).toContain('cannot be read');
      expect(outcome.stdout).toContain(fix);
    });
  });
});
